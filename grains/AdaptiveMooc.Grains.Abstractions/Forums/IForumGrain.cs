using Orleans.Concurrency;

namespace AdaptiveMooc.Grains.Abstractions.Forums;

/// <summary>The forum of one course (keyed by course id): read-only queries over the forum's read model.</summary>
[Alias("mooc.forum.IForumGrain")]
public interface IForumGrain : IGrainWithStringKey
{
    [ReadOnly]
    [Alias("ListThreads")]
    Task<ForumThreadPage> ListThreadsAsync(ForumThreadQuery query);

    [ReadOnly]
    [Alias("ListReports")]
    Task<ForumReportPage> ListReportsAsync(bool includeResolved, string? after, int limit);
}
