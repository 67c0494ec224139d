namespace AdaptiveMooc.Grains.Abstractions.Forums;

/// <summary>A thread as readers see it; also the row of the course's thread listing (read model).</summary>
[GenerateSerializer]
[Alias("mooc.forum.thread-view")]
public sealed record ForumThreadView(
    [property: Id(0)] string CourseId,
    [property: Id(1)] Guid ThreadId,
    [property: Id(2)] string Title,
    [property: Id(3)] string Body,
    [property: Id(4)] IReadOnlyList<string> Tags,
    [property: Id(5)] string AuthorId,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] DateTimeOffset LastActivityAt,
    [property: Id(8)] Guid OpeningPostId,
    [property: Id(9)] int ReplyCount,
    [property: Id(10)] Guid? AcceptedPostId,
    [property: Id(11)] bool Pinned,
    [property: Id(12)] bool Locked,
    [property: Id(13)] bool Hidden);
