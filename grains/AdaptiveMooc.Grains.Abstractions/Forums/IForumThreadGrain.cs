using Orleans.Concurrency;

namespace AdaptiveMooc.Grains.Abstractions.Forums;

/// <summary>
/// One forum thread, keyed by <see cref="ForumKeys.Thread"/>. Holds only the thread's own fields and
/// counters; posts, votes and reports go to an append-only store, so a write costs the same for the
/// first post and the ten-thousandth.
/// </summary>
[Alias("mooc.forum.IForumThreadGrain")]
public interface IForumThreadGrain : IGrainWithStringKey
{
    [Alias("Start")]
    Task<ForumResult<ForumThreadView>> StartAsync(StartThreadCommand command);

    [ReadOnly]
    [Alias("Get")]
    Task<ForumThreadView?> GetAsync();

    [ReadOnly]
    [Alias("GetPosts")]
    Task<ForumPostPage> GetPostsAsync(long afterSequence, int limit, bool includeHidden);

    [ReadOnly]
    [Alias("GetPost")]
    Task<ForumPostView?> GetPostAsync(Guid postId);

    /// <summary>Sequence of a post of this thread, for resuming live updates from a post id; null when unknown.</summary>
    [ReadOnly]
    [Alias("FindSequence")]
    Task<long?> FindSequenceAsync(Guid postId);

    [Alias("AddPost")]
    Task<ForumResult<ForumPostView>> AddPostAsync(AddPostCommand command);

    [Alias("Vote")]
    Task<ForumResult<ForumPostView>> VoteAsync(Guid postId, string voterId, int value);

    [Alias("Report")]
    Task<ForumResult<ForumReportView>> ReportAsync(Guid postId, string reporterId, string reason);

    /// <summary>
    /// Marks a reply as the accepted answer; only the thread's author (same id and same account kind,
    /// <see cref="ForumRoles"/>) or a moderator may.
    /// </summary>
    [Alias("Accept")]
    Task<ForumResult<ForumThreadView>> AcceptAsync(Guid postId, string callerId, string callerRole, bool callerIsModerator);

    [Alias("Moderate")]
    Task<ForumResult<ForumThreadView>> ModerateAsync(ModerationAction action);

    /// <summary>Hides or shows one post; resolves the open reports about it.</summary>
    [Alias("ModeratePost")]
    Task<ForumResult<ForumPostView>> ModeratePostAsync(Guid postId, bool hidden);

    /// <summary>Subscribes (or renews) a watcher; a subscription lapses after a few minutes unless renewed.</summary>
    [Alias("Subscribe")]
    Task SubscribeAsync(IForumThreadObserver observer);

    [Alias("Unsubscribe")]
    Task UnsubscribeAsync(IForumThreadObserver observer);

    /// <summary>
    /// Account deletion: the thread and posts written by <paramref name="authorId"/> show <see cref="ForumRoles.DeletedAuthor"/>
    /// from now on (texts stay, so the discussion keeps its sense).
    /// </summary>
    [Alias("NeutraliseAuthor")]
    Task NeutraliseAuthorAsync(string authorId);
}
