using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Learners;
using AdaptiveMooc.Grains.Abstractions.Statements;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace AdaptiveMooc.Grains.Statements;

// Reentrant: a stateless worker is otherwise capped at one call per activation and ProcessorCount
// activations per silo, so on a 2-core silo only two requests were ever in flight and the store's
// group commit never had more than two requests to batch (measured: 260 single-statement requests/s
// at client concurrency 32). The grain holds no state, so interleaving its calls is safe; per-learner
// ordering is the store's advisory lock and the learner grain's sequence check, not this grain's.
[StatelessWorker]
[Reentrant]
[GrainType("statement-ingest")]
internal sealed partial class StatementIngestGrain(IStatementStore store, TimeProvider clock, ILogger<StatementIngestGrain> logger)
    : Grain, IStatementIngestGrain
{
    public async Task<IngestResult> IngestWithAttachments(IReadOnlyList<StatementRecord> statements, IReadOnlyList<XapiAttachment> attachments)
    {
        ArgumentNullException.ThrowIfNull(attachments);
        await store.StoreAttachmentsAsync(attachments, CancellationToken.None);
        return await Ingest(statements);
    }

    public async Task<IngestResult> Ingest(IReadOnlyList<StatementRecord> statements)
    {
        ArgumentNullException.ThrowIfNull(statements);
        var ids = statements.Select(s => s.Id).ToList();
        if (statements.Count == 0)
        {
            return new IngestResult(IngestStatus.Stored, ids, 0, null);
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var appended = await store.AppendAsync(statements, clock.GetUtcNow(), CancellationToken.None);
        if (appended.Status == IngestStatus.Conflict)
        {
            return new IngestResult(IngestStatus.Conflict, [], 0, appended.ConflictingId);
        }

        // Durable from here on. Applying is awaited so a progress read right after the 2xx sees the
        // statements; if it fails, the learner grain still catches up from the store on its next call
        // or activation, so the statements are acknowledged either way.
        var applies = appended.NewByLearner.Select(async batch =>
        {
            try
            {
                await GrainFactory.ByKey<ILearnerGrain>(batch.LearnerId).ApplyStatements(batch.PreviousSequence, batch.Statements);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                LogApplyFailed(logger, exception, batch.LearnerId);
            }
        });
        await Task.WhenAll(applies);
        var stored = appended.NewByLearner.Sum(b => b.Statements.Count);
        Record(appended.NewByLearner, stored, started);
        return new IngestResult(IngestStatus.Stored, ids, stored, null);
    }

    private static void Record(IReadOnlyList<LearnerBatch> batches, int stored, long started)
    {
        GrainMetrics.IngestDuration.Record(GrainMetrics.Seconds(started));
        if (stored == 0)
        {
            return;
        }

        GrainMetrics.StatementsIngested.Add(stored);
        if (GrainMetrics.IngestLag.Enabled)
        {
            foreach (var batch in batches)
            {
                foreach (var statement in batch.Statements)
                {
                    GrainMetrics.IngestLag.Record(Math.Max(0, (statement.Stored - statement.Statement.Timestamp).TotalSeconds));
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Statements for learner {LearnerId} are stored but not yet applied; the learner grain will catch up from the store.")]
    private static partial void LogApplyFailed(ILogger logger, Exception exception, string learnerId);
}
