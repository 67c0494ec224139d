using AdaptiveMooc.Grains.Abstractions.Security;

namespace AdaptiveMooc.Grains.Security;

/// <summary>For <c>--memory</c> runs and tests: lost when the silo stops.</summary>
public sealed class MemoryAuditStore : IAuditStore
{
    private readonly Lock gate = new();
    private readonly List<AuditRecord> records = [];

    public Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            records.Add(new AuditRecord(records.Count + 1, entry));
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AuditRecord>> ListAsync(int limit, long? beforeSequence, CancellationToken cancellationToken) =>
        SearchAsync(AuditFilter.None, limit, beforeSequence, cancellationToken);

    public Task<IReadOnlyList<AuditRecord>> SearchAsync(AuditFilter filter, int limit, long? beforeSequence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        lock (gate)
        {
            var end = beforeSequence is { } before ? (int)Math.Clamp(before - 1, 0, records.Count) : records.Count;
            IReadOnlyList<AuditRecord> page = records.Take(end).Reverse().Where(r => filter.Matches(r.Entry)).Take(limit).ToList();
            return Task.FromResult(page);
        }
    }
}
