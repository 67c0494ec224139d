using AdaptiveMooc.Grains.Abstractions.Courses;
using AdaptiveMooc.Grains.Abstractions.Models;
using AdaptiveMooc.ML.Ranking;
using AdaptiveMooc.ML.Training;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AdaptiveMooc.Grains.Models;

/// <summary>
/// Runs retraining on this silo (<see cref="ModelRetrainer"/>) off the grain scheduler: one run at a time
/// across the cluster, held by a PostgreSQL session advisory lock on a connection kept open for the run
/// (released when the run ends or the silo dies). The run reads the statements, materialises the serving
/// set as the incumbent, trains and judges the five models, records the decisions and any new set in the
/// registry, and switches this silo to it (the others follow within a poll).
/// </summary>
public sealed class ModelRetrainingService(
    IServiceProvider services,
    IGrainFactory grains,
    IOptions<ModelRetrainingOptions> options,
    IOptions<ModelCatalogOptions> catalogOptions,
    ModelSetFollower follower,
    IHostApplicationLifetime lifetime,
    ILogger<ModelRetrainingService> logger)
{
    /// <summary>Advisory-lock key of the run lease ("MOOCRTRN").</summary>
    private const long RunLease = 0x4D4F4F43_5254524E;

    private readonly object sync = new();
    private Task? running;
    private Guid? runningId;

    /// <summary>The registry, when the silos keep a database.</summary>
    public ModelRegistry? Registry => services.GetService<ModelRegistry>();

    public async Task<RetrainingStart> TryStartAsync(RetrainingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Registry is not { } registry || services.GetService<NpgsqlDataSource>() is not { } dataSource)
        {
            return new RetrainingStart(false, null, "retraining needs the PostgreSQL store (Mooc:Storage=postgres): the statements and the registry live there", null);
        }

        lock (sync)
        {
            if (running is { IsCompleted: false })
            {
                return new RetrainingStart(false, null, "a retraining run is in progress on this silo", runningId);
            }
        }

        var lease = await dataSource.OpenConnectionAsync();
        try
        {
            await using var take = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", lease);
            take.Parameters.AddWithValue(RunLease);
            if (await take.ExecuteScalarAsync() is not true)
            {
                await lease.DisposeAsync();
                return new RetrainingStart(false, null, "a retraining run is in progress on another silo", await RunningElsewhereAsync(dataSource));
            }

            var runId = Guid.NewGuid();
            var testWeeks = request.TestWeeks ?? options.Value.TestWeeks;
            await registry.StartRunAsync(runId, request, testWeeks);
            lock (sync)
            {
                runningId = runId;
                running = Task.Run(() => RunAsync(runId, request, testWeeks, registry, dataSource, lease));
            }

            logger.LogInformation("Retraining: run {Run} started ({Trigger}, by {By}{Control})", runId, request.Trigger, request.RequestedBy, request.ShuffleLabels ? ", shuffled labels" : string.Empty);
            return new RetrainingStart(true, runId, null, null);
        }
        catch
        {
            await lease.DisposeAsync();
            throw;
        }
    }

    /// <summary>The registry's view; not available without a database.</summary>
    public async Task<ModelRegistryView> ReadAsync(int limit) =>
        Registry is { } registry ? await registry.ReadAsync(limit) : new ModelRegistryView(false, null, [], []);

    public async Task<ModelRollback> RollbackAsync(string requestedBy)
    {
        if (Registry is not { } registry)
        {
            return new ModelRollback(false, null, "the registry needs the PostgreSQL store (Mooc:Storage=postgres)");
        }

        var result = await registry.RollbackAsync(requestedBy);
        if (result.RolledBack)
        {
            await follower.RefreshAsync();
        }

        return result;
    }

    private static async Task<Guid?> RunningElsewhereAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT run_id FROM model_runs WHERE status = 'running' ORDER BY started_at DESC LIMIT 1");
        return await command.ExecuteScalarAsync() as Guid?;
    }

    private async Task RunAsync(Guid runId, RetrainingRequest request, int testWeeks, ModelRegistry registry, NpgsqlDataSource dataSource, NpgsqlConnection lease)
    {
        var stopping = lifetime.ApplicationStopping;
        var work = Path.Combine(follower.WorkPath, $".run-{runId:N}");
        try
        {
            var serving = await registry.ServingAsync(stopping);
            string? incumbent;
            string? card = null;
            if (serving is null)
            {
                incumbent = string.IsNullOrWhiteSpace(catalogOptions.Value.Path) ? null : Path.GetFullPath(catalogOptions.Value.Path);
            }
            else
            {
                incumbent = Path.Combine(work, "incumbent");
                await registry.MaterializeAsync(serving, incumbent, stopping);
            }

            var cardPath = incumbent is null ? null : Path.Combine(incumbent, ModelRegistry.CardFile);
            if (cardPath is not null && File.Exists(cardPath))
            {
                card = await File.ReadAllTextAsync(cardPath, stopping);
            }

            var retraining = new RetrainingOptions
            {
                TestWeeks = testWeeks,
                Seed = options.Value.Seed,
                Tolerance = options.Value.Tolerance,
                ShuffleLabels = request.ShuffleLabels,
                Lessons = LessonsAsync,
            };
            var report = await ModelRetrainer.RunAsync(
                new PostgresStatementSource(dataSource), incumbent, Path.Combine(work, "candidates"), retraining,
                line => logger.LogInformation("{Line}", line), stopping);
            var set = await registry.FinishRunAsync(runId, report, serving is null ? incumbent : null, card, $"{request.Trigger}:{request.RequestedBy}", stopping);
            logger.LogInformation("Retraining: run {Run} finished: {Decisions}{Set}", runId,
                string.Join(", ", report.Models.Select(d => $"{d.Model} {d.Decision}")), set is null ? "; serving set unchanged" : $"; serving set {set.Id}");
            if (set is not null)
            {
                await follower.RefreshAsync(stopping);
            }
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Retraining: run {Run} failed; the serving models are unchanged", runId);
            try
            {
                await registry.FailRunAsync(runId, $"{exception.GetType().Name}: {exception.Message}", CancellationToken.None);
            }
            catch (Exception recordFailure) when (recordFailure is not OutOfMemoryException)
            {
                logger.LogError(recordFailure, "Retraining: recording the failure of run {Run} failed", runId);
            }
        }
        finally
        {
            try
            {
                await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", lease);
                release.Parameters.AddWithValue(RunLease);
                await release.ExecuteNonQueryAsync(CancellationToken.None);
            }
            catch (NpgsqlException exception)
            {
                logger.LogWarning(exception, "Retraining: releasing the run lease failed; closing its connection releases it");
            }

            await lease.DisposeAsync();
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    /// <summary>A course's lessons as ranking candidates, from its definition (the statement log does not hold them).</summary>
    private async Task<IReadOnlyList<RankingCandidate>?> LessonsAsync(string courseId, CancellationToken cancellationToken)
    {
        var snapshot = await grains.GetGrain<ICourseGrain>(courseId).Get();
        return snapshot is null ? null : CourseModelInputs.Candidates(snapshot.Definition);
    }
}
