using AdaptiveMooc.Grains.Abstractions.Forums;
using Orleans.Concurrency;

namespace AdaptiveMooc.Grains.Forums;

/// <summary>The forum of one course: queries of the read model, nothing to serialise, so a stateless worker.</summary>
[StatelessWorker]
[GrainType("forum")]
internal sealed class ForumGrain(IForumStore store) : Grain, IForumGrain
{
    public Task<ForumThreadPage> ListThreadsAsync(ForumThreadQuery query) =>
        store.QueryThreadsAsync(this.GetPrimaryKeyString(), query);

    public Task<ForumReportPage> ListReportsAsync(bool includeResolved, string? after, int limit) =>
        store.ListReportsAsync(this.GetPrimaryKeyString(), includeResolved, after, limit);
}
