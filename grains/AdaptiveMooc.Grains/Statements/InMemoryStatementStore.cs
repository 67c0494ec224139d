using AdaptiveMooc.Grains.Abstractions.Statements;

namespace AdaptiveMooc.Grains.Statements;

/// <summary>The statement log for <c>--memory</c> runs and grain tests: same contract, nothing durable.</summary>
internal sealed class InMemoryStatementStore : IStatementStore
{
    private readonly Lock gate = new();
    private readonly List<StoredStatement> all = [];
    private readonly Dictionary<Guid, StoredStatement> byId = [];
    private readonly Dictionary<string, List<StoredStatement>> byLearner = new(StringComparer.Ordinal);
    private long sequence;

    public Task<AppendResult> AppendAsync(IReadOnlyList<StatementRecord> statements, DateTimeOffset stored, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            foreach (var statement in statements)
            {
                if (byId.TryGetValue(statement.Id, out var existing) && existing.Statement.ContentHash != statement.ContentHash)
                {
                    return Task.FromResult(new AppendResult(IngestStatus.Conflict, statement.Id, []));
                }
            }

            var batches = new Dictionary<string, (long Previous, List<StoredStatement> Added)>(StringComparer.Ordinal);
            foreach (var statement in statements)
            {
                if (byId.ContainsKey(statement.Id))
                {
                    continue;
                }

                if (!batches.TryGetValue(statement.LearnerId, out var batch))
                {
                    var history = byLearner.GetValueOrDefault(statement.LearnerId);
                    batch = (history is { Count: > 0 } ? history[^1].Sequence : 0, []);
                    batches[statement.LearnerId] = batch;
                }

                var row = new StoredStatement(++sequence, stored, statement);
                all.Add(row);
                byId[statement.Id] = row;
                if (!byLearner.TryGetValue(statement.LearnerId, out var list))
                {
                    byLearner[statement.LearnerId] = list = [];
                }

                list.Add(row);
                batch.Added.Add(row);
            }

            var result = batches.Select(b => new LearnerBatch(b.Key, b.Value.Previous, b.Value.Added)).ToList();
            return Task.FromResult(new AppendResult(IngestStatus.Stored, null, result));
        }
    }

    public Task<IReadOnlyList<StoredStatement>> ReadLearnerAsync(string learnerId, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            IReadOnlyList<StoredStatement> rows = byLearner.TryGetValue(learnerId, out var list)
                ? list.Where(s => s.Sequence > afterSequence).Take(limit).ToList()
                : [];
            return Task.FromResult(rows);
        }
    }

    public Task<StatementPage> QueryAsync(StatementQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (gate)
        {
            IEnumerable<StoredStatement> rows = query.LearnerId is null ? all : byLearner.GetValueOrDefault(query.LearnerId) ?? [];
            rows = query.Ascending ? rows : rows.Reverse();
            if (query.AfterSequence is { } after)
            {
                rows = query.Ascending ? rows.Where(s => s.Sequence > after) : rows.Where(s => s.Sequence < after);
            }

            var page = rows
                .Where(s => query.ActivityId is null || s.Statement.ActivityId == query.ActivityId)
                .Where(s => query.Verb is null || s.Statement.Verb == query.Verb)
                .Where(s => query.Since is null || s.Stored > query.Since)
                .Where(s => query.Until is null || s.Stored <= query.Until)
                .Take(query.Limit + 1)
                .ToList();
            var more = page.Count > query.Limit;
            if (more)
            {
                page.RemoveAt(page.Count - 1);
            }

            return Task.FromResult(new StatementPage(page, more ? page[^1].Sequence : null));
        }
    }

    public Task<StoredStatement?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(byId.GetValueOrDefault(id));
        }
    }

    public Task<bool> PingAsync(CancellationToken cancellationToken) => Task.FromResult(true);
}
