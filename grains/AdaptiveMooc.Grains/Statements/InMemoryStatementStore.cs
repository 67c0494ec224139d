using AdaptiveMooc.Grains.Abstractions.Statements;

namespace AdaptiveMooc.Grains.Statements;

/// <summary>The statement log for <c>--memory</c> runs and grain tests: same contract, nothing durable.</summary>
internal sealed class InMemoryStatementStore : IStatementStore
{
    private readonly Lock gate = new();
    private readonly List<StoredStatement> all = [];
    private readonly Dictionary<Guid, StoredStatement> byId = [];
    private readonly Dictionary<string, List<StoredStatement>> byLearner = new(StringComparer.Ordinal);
    private readonly Dictionary<string, XapiAttachment> attachments = new(StringComparer.Ordinal);
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

                if (!statement.IsInterpreted)
                {
                    var plain = new StoredStatement(++sequence, stored, statement);
                    all.Add(plain);
                    byId[statement.Id] = plain;
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
                .Where(s => !IsVoided(s.Statement.Id))
                .Where(s => Matches(s.Statement, query)
                    || (IndexOf(s.Statement).StatementRef is { } target && byId.TryGetValue(target, out var t) && Matches(t.Statement, query)))
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
            return Task.FromResult(byId.TryGetValue(id, out var row) ? row with { Voided = IsVoided(id) } : null);
        }
    }

    public Task StoreAttachmentsAsync(IReadOnlyList<XapiAttachment> attachments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attachments);
        lock (gate)
        {
            foreach (var attachment in attachments)
            {
                this.attachments.TryAdd(attachment.Sha2, attachment);
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<XapiAttachment>> ReadAttachmentsAsync(IReadOnlyList<string> sha2, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sha2);
        lock (gate)
        {
            IReadOnlyList<XapiAttachment> found = sha2.Distinct(StringComparer.Ordinal).Where(attachments.ContainsKey).Select(h => attachments[h]).ToList();
            return Task.FromResult(found);
        }
    }

    private static XapiIndex IndexOf(StatementRecord statement) => statement.Index ?? XapiIndexer.From(statement.Json)!;

    private static bool Matches(StatementRecord statement, StatementQuery query)
    {
        var index = IndexOf(statement);
        return (query.ActivityId is null || (query.RelatedActivities ? index.RelatedActivities.Contains(query.ActivityId) : statement.ActivityId == query.ActivityId))
            && (query.Verb is null || statement.Verb == query.Verb)
            && (query.Agent is null || (query.RelatedAgents ? index.RelatedAgents : index.Agents).Contains(query.Agent))
            && (query.Registration is null || index.Registration == query.Registration);
    }

    private bool IsVoided(Guid id) =>
        byId.TryGetValue(id, out var row) && !IndexOf(row.Statement).Voiding
        && all.Any(s => IndexOf(s.Statement) is { Voiding: true } v && v.StatementRef == id);

    public Task<bool> PingAsync(CancellationToken cancellationToken) => Task.FromResult(true);
}
