using AdaptiveMooc.Grains.Abstractions.Security;
using Orleans.Concurrency;

namespace AdaptiveMooc.Grains.Security;

[GrainType("mooc-audit"), StatelessWorker]
internal sealed class AuditGrain(IAuditStore store) : Grain, IAuditGrain
{
    public Task Record(AuditEntry entry) => store.AppendAsync(entry, CancellationToken.None);

    public Task<AuditPage> List(int limit, long? beforeSequence) => Search(AuditFilter.None, limit, beforeSequence);

    public async Task<AuditPage> Search(AuditFilter filter, int limit, long? beforeSequence)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var items = await store.SearchAsync(filter, limit + 1, beforeSequence, CancellationToken.None);
        if (items.Count <= limit)
        {
            return new AuditPage(items, null);
        }

        var page = items.Take(limit).ToList();
        return new AuditPage(page, page[^1].Sequence);
    }
}
