using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AdaptiveMooc.Grains.Abstractions.Models;
using AdaptiveMooc.ML.KnowledgeTracing;
using AdaptiveMooc.ML.Pacing;
using AdaptiveMooc.ML.Ranking;
using AdaptiveMooc.ML.Risk;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdaptiveMooc.Grains.Models;

/// <summary>
/// The silo's model catalog: loads every model file it knows from <see cref="ModelCatalogOptions.Path"/>
/// at start, then polls the folder (a <see cref="FileSystemWatcher"/> alone misses changes on some file
/// systems and during renames). Each model is loaded from a private copy of its files, so the bytes
/// hashed are the bytes loaded. A model whose files changed is reloaded alone; one that fails to load
/// leaves its previous version serving (or none) and the failure is logged and reported in
/// <see cref="Status"/>. A new immutable <see cref="ModelSet"/> is swapped in with one reference write.
/// </summary>
public sealed class ModelCatalog : IModelCatalog, IHostedService, IDisposable
{
    private const string MetricsFile = "metrics.json";

    internal static readonly IReadOnlyList<ModelSource> Sources =
    [
        new(ModelSet.KnowledgeTracingName, [KnowledgeTracingModel.PriorsFile], [KnowledgeTracingModel.ClassifierFile], KnowledgeTracingModel.Load),
        new(ModelSet.RankingName, [RankingModel.ModelFileName, RankingModel.ManifestFileName], [], dir => RankingModel.Load(dir)),
        new(ModelSet.AtRiskName, ["risk.zip", "risk.json"], [], dir => RiskModel.Load(dir, "risk")),
        new(ModelSet.WithdrawnName, ["dropout.zip", "dropout.json"], [], dir => RiskModel.Load(dir, "dropout")),
        new(ModelSet.PacingName, ["pacing-late.zip", "pacing-days.zip", "pacing.json"], [], PacingModel.Load),
    ];

    private readonly ModelCatalogOptions options;
    private readonly ILogger<ModelCatalog> logger;
    private readonly TimeProvider clock;
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Dictionary<string, (object Model, string Hash)> serving = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> errors = new(StringComparer.Ordinal);
    private ModelSet current = ModelSet.Prior();
    private ModelCatalogStatus status;
    private string? loadedFingerprint;
    private string? servedFolder;
    private string? pendingFingerprint;
    private string metricsHash = string.Empty;
    private DateTimeOffset? lastErrorAt;
    private DateTimeOffset? loadedAt;
    private CancellationTokenSource? polling;
    private Task? pollLoop;

    public ModelCatalog(IOptions<ModelCatalogOptions> options, ILogger<ModelCatalog> logger, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        this.logger = logger;
        this.clock = clock;
        status = new ModelCatalogStatus(
            ModelCatalogStatus.Unavailable, ModelSet.PriorVersion, FolderPath, [], NoFolderReason() ?? "not loaded yet", null, null, null, null);
        GrainMetrics.Track(this);
    }

    public ModelSet Current => Volatile.Read(ref current);

    public ModelCatalogStatus Status => Volatile.Read(ref status);

    /// <summary>The registry set folder being served (<see cref="ServeFromAsync"/>), else the configured folder.</summary>
    private string? FolderPath => Volatile.Read(ref servedFolder) ?? (string.IsNullOrWhiteSpace(options.Path) ? null : Path.GetFullPath(options.Path));

    /// <summary>
    /// Serves the models of <paramref name="folder"/> from now on instead of <see cref="ModelCatalogOptions.Path"/>
    /// (a serving set of the model registry, written complete before this call), loading the changed models at
    /// once and swapping the new set in with one reference write. Returns whether the set changed.
    /// </summary>
    public async Task<bool> ServeFromAsync(string folder, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        await gate.WaitAsync(cancellationToken);
        try
        {
            Volatile.Write(ref servedFolder, Path.GetFullPath(folder));
            loadedFingerprint = null;
            return Check(settle: false);
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The first load completes before the silo serves, so a started silo answers with its models.
        await CheckAsync(settle: false, cancellationToken);
        if (FolderPath is null)
        {
            return;
        }

        polling = new CancellationTokenSource();
        pollLoop = PollAsync(polling.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (polling is null || pollLoop is null)
        {
            return;
        }

        await polling.CancelAsync();
        try
        {
            await pollLoop.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the loop ends at its next await.
        }
    }

    /// <summary>
    /// Looks at the folder once and loads what changed. With <paramref name="settle"/> a change is loaded
    /// only once the files are the same as at the previous look (a writer has finished); without, at once.
    /// Returns whether a new set was swapped in.
    /// </summary>
    public async Task<bool> CheckAsync(bool settle, CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            return Check(settle);
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose()
    {
        polling?.Dispose();
        gate.Dispose();
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(0.05, options.PollSeconds)), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    await CheckAsync(settle: true, cancellationToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogError(exception, "Model catalog: checking {Path} failed", FolderPath);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    private bool Check(bool settle)
    {
        var now = clock.GetUtcNow();
        var folder = FolderPath;
        if (NoFolderReason() is { } reason)
        {
            if (serving.Count > 0)
            {
                // Models already in memory keep serving; the folder's absence is the error to report.
                errors["folder"] = reason;
                lastErrorAt = now;
            }

            Publish(now);
            return false;
        }

        var fingerprint = Fingerprint(folder!);
        if (string.Equals(fingerprint, loadedFingerprint, StringComparison.Ordinal))
        {
            pendingFingerprint = null;
            Publish(now);
            return false;
        }

        if (settle && !string.Equals(fingerprint, pendingFingerprint, StringComparison.Ordinal))
        {
            pendingFingerprint = fingerprint;
            Publish(now);
            return false;
        }

        errors.Remove("folder");
        var changed = false;
        foreach (var source in Sources)
        {
            changed |= Load(folder!, source, now);
        }

        var metrics = Path.Combine(folder!, MetricsFile);
        var newMetricsHash = File.Exists(metrics) ? Hash([(MetricsFile, File.ReadAllBytes(metrics))]) : string.Empty;
        changed |= !string.Equals(newMetricsHash, metricsHash, StringComparison.Ordinal) && serving.Count > 0;
        metricsHash = newMetricsHash;
        loadedFingerprint = fingerprint;
        pendingFingerprint = null;
        if (changed || !string.Equals(Current.Version, VersionOf(), StringComparison.Ordinal))
        {
            var set = Build();
            Volatile.Write(ref current, set);
            loadedAt = now;
            logger.LogInformation("Model catalog: serving {Version} ({Models}) from {Path}", set.Version, string.Join(", ", set.Loaded), folder);
            Publish(now);
            return true;
        }

        Publish(now);
        return false;
    }

    /// <summary>Reloads one model when its files changed; on failure the previous one keeps serving.</summary>
    private bool Load(string folder, ModelSource source, DateTimeOffset now)
    {
        var present = source.Files.Where(f => File.Exists(Path.Combine(folder, f))).ToList();
        if (!source.Required.Any(present.Contains))
        {
            errors.Remove(source.Name);
            return serving.Remove(source.Name);
        }

        var staging = Path.Combine(Path.GetTempPath(), "mooc-models-" + Guid.NewGuid().ToString("N"));
        try
        {
            if (source.Required.FirstOrDefault(f => !present.Contains(f)) is { } missing)
            {
                throw new InvalidDataException($"{missing} is missing");
            }

            var files = present.Select(f => (f, File.ReadAllBytes(Path.Combine(folder, f)))).ToList();
            var hash = Hash(files);
            if (serving.TryGetValue(source.Name, out var previous) && string.Equals(previous.Hash, hash, StringComparison.Ordinal))
            {
                errors.Remove(source.Name);
                return false;
            }

            Directory.CreateDirectory(staging);
            foreach (var (name, bytes) in files)
            {
                File.WriteAllBytes(Path.Combine(staging, name), bytes);
            }

            serving[source.Name] = (source.Load(staging), hash);
            errors.Remove(source.Name);
            return true;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            var kept = serving.ContainsKey(source.Name) ? "the previous version keeps serving" : "not serving";
            errors[source.Name] = $"{source.Name}: {exception.GetType().Name}: {exception.Message} ({kept})";
            lastErrorAt = now;
            logger.LogError(exception, "Model catalog: {Model} in {Path} failed to load; {Kept}", source.Name, folder, kept);
            return false;
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    private ModelSet Build() => new()
    {
        Version = VersionOf(),
        Kt = Model<KnowledgeTracingModel>(ModelSet.KnowledgeTracingName) ?? KnowledgeTracingModel.ColdStart(),
        KtTrained = serving.ContainsKey(ModelSet.KnowledgeTracingName),
        Ranking = Model<RankingModel>(ModelSet.RankingName),
        AtRisk = Model<RiskModel>(ModelSet.AtRiskName),
        Withdrawn = Model<RiskModel>(ModelSet.WithdrawnName),
        Pacing = Model<PacingModel>(ModelSet.PacingName),
    };

    private T? Model<T>(string name)
        where T : class => serving.TryGetValue(name, out var entry) ? (T)entry.Model : null;

    /// <summary>A short hash of the files serving (and of metrics.json): any served byte that changes changes it.</summary>
    private string VersionOf()
    {
        if (serving.Count == 0)
        {
            return ModelSet.PriorVersion;
        }

        var text = string.Join('\n', serving.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key + ":" + kv.Value.Hash)) + "\n" + metricsHash;
        return "models-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];
    }

    private void Publish(DateTimeOffset now)
    {
        var set = Current;
        var reason = NoFolderReason() ?? (serving.Count == 0 && errors.Count == 0 ? $"no model files in {FolderPath}" : null);
        var state = errors.Count > 0 ? ModelCatalogStatus.Degraded
            : serving.Count == 0 ? ModelCatalogStatus.Unavailable
            : ModelCatalogStatus.Ready;
        if (serving.Count == 0 && reason is not null)
        {
            state = ModelCatalogStatus.Unavailable;
        }

        var lastError = errors.Count == 0 ? null : string.Join("; ", errors.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Value));
        Volatile.Write(ref status, new ModelCatalogStatus(state, set.Version, FolderPath, set.Loaded, reason, lastError, lastError is null ? null : lastErrorAt, loadedAt, now));
    }

    private string? NoFolderReason() => FolderPath switch
    {
        null => $"{ModelCatalogOptions.Section}:Path is not set: cold-start priors serve",
        var folder when !Directory.Exists(folder) => $"model folder {folder} does not exist: cold-start priors serve",
        _ => null,
    };

    private static string Fingerprint(string folder)
    {
        var text = new StringBuilder();
        foreach (var name in Sources.SelectMany(s => s.Files).Append(MetricsFile))
        {
            var file = new FileInfo(Path.Combine(folder, name));
            text.Append(CultureInfo.InvariantCulture, $"{name}:{(file.Exists ? file.Length : -1)}:{(file.Exists ? file.LastWriteTimeUtc.Ticks : 0)};");
        }

        return text.ToString();
    }

    private static string Hash(IEnumerable<(string Name, byte[] Bytes)> files)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, bytes) in files)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(name + "\n"));
            sha.AppendData(bytes);
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
