using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdaptiveMooc.Grains.Models;

/// <summary>
/// Makes this silo serve the registry's newest model set: polls <c>model_sets</c> every
/// <see cref="ModelRetrainingOptions.PollSeconds"/> (and is told at once when this silo promotes or rolls
/// back), writes the set's files into a folder of its own (complete, then renamed into place) and switches
/// the catalog to it, which swaps the set in with one reference write. All silos read the same rows, so
/// they converge on the same set within one poll. Without a database, or before any set exists, the
/// catalog keeps serving its configured folder.
/// </summary>
public sealed class ModelSetFollower(
    IServiceProvider services, IOptions<ModelRetrainingOptions> options, ILogger<ModelSetFollower> logger, TimeProvider clock) : BackgroundService
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private long servingSetId;

    /// <summary>The set this silo serves, once it serves one from the registry (set ids start at 1).</summary>
    public long? ServingSetId => Interlocked.Read(ref servingSetId) is var id and > 0 ? id : null;

    internal string WorkPath => options.Value.WorkPath is { Length: > 0 } path
        ? Path.GetFullPath(path)
        : Path.Combine(Path.GetTempPath(), "mooc-model-sets");

    /// <summary>Serves the registry's newest set if it is not served yet; returns whether it switched.</summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken = default)
    {
        if (services.GetService<ModelRegistry>() is not { } registry || services.GetService<IModelCatalog>() is not ModelCatalog catalog)
        {
            return false;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            var set = await registry.ServingAsync(cancellationToken);
            if (set is null || set.Id == Interlocked.Read(ref servingSetId))
            {
                return false;
            }

            var folder = Path.Combine(WorkPath, $"set-{set.Id}");
            if (!Directory.Exists(folder))
            {
                // Written complete under a private name, then renamed: a folder named set-N is always whole.
                var staging = Path.Combine(WorkPath, $".set-{set.Id}-{Guid.NewGuid():N}");
                await registry.MaterializeAsync(set, staging, cancellationToken);
                try
                {
                    Directory.Move(staging, folder);
                }
                catch (IOException) when (Directory.Exists(folder))
                {
                    // Another silo on this machine wrote the same set from the same rows first.
                    Directory.Delete(staging, recursive: true);
                }
            }

            await catalog.ServeFromAsync(folder, cancellationToken);
            Interlocked.Exchange(ref servingSetId, set.Id);
            logger.LogInformation("Model registry: serving set {Set} ({Reason}) as {Version}", set.Id, set.Reason, catalog.Current.Version);
            return true;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The first look happens before the silo goes on starting, so a restarted silo serves the registry's set at once.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RefreshAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Model registry: reading the serving set at start failed; the configured folder serves until the next look");
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (services.GetService<ModelRegistry>() is null)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(0.05, options.Value.PollSeconds)), clock);
        do
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Model registry: reading or loading the serving set failed; the current models keep serving");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public override void Dispose()
    {
        gate.Dispose();
        base.Dispose();
    }
}
