using AdaptiveMooc.Grains.Abstractions.Forums;

namespace AdaptiveMooc.Grains.Forums;

/// <summary>
/// The forum's append-only store and read model. Only <see cref="ForumThreadGrain"/> writes to it (each
/// thread grain its own rows); <see cref="ForumGrain"/> reads the listing and the report queue.
/// </summary>
internal interface IForumStore
{
    /// <summary>Upserts the thread's row of the listing.</summary>
    Task SaveThreadAsync(ForumThreadView thread);

    Task<ForumThreadPage> QueryThreadsAsync(string courseId, ForumThreadQuery query);

    /// <summary>Appends a post; a post id already stored is left as it is (retries are harmless).</summary>
    Task AppendPostAsync(ForumPostView post);

    Task<IReadOnlyList<ForumPostView>> ReadPostsAsync(Guid threadId, long afterSequence, int limit, bool includeHidden);

    Task<ForumPostView?> FindPostAsync(Guid threadId, Guid postId);

    Task<long> MaxSequenceAsync(Guid threadId);

    /// <summary>Adds one vote per (post, voter); null when that voter already voted on the post, else the post with its new score.</summary>
    Task<ForumPostView?> AddVoteAsync(Guid threadId, Guid postId, string voterId, int value, DateTimeOffset at);

    /// <summary>Sets the post's hidden flag and resolves its open reports.</summary>
    Task<ForumPostView?> SetPostHiddenAsync(Guid threadId, Guid postId, bool hidden);

    /// <summary>False when this reporter already reported this post.</summary>
    Task<bool> AddReportAsync(ForumReportView report);

    Task<ForumReportPage> ListReportsAsync(string courseId, bool includeResolved, string? after, int limit);

    /// <summary>The threads (course, thread) in which <paramref name="authorId"/> opened or posted something.</summary>
    Task<IReadOnlyList<(string CourseId, Guid ThreadId)>> ThreadsOfAuthorAsync(string authorId);

    /// <summary>Replaces the author of the thread's posts by <paramref name="authorId"/> with <paramref name="neutral"/>.</summary>
    Task NeutralisePostsAsync(Guid threadId, string authorId, string neutral);
}
