namespace AdaptiveMooc.Grains.Abstractions.Forums;

/// <summary>
/// One post of a thread. <see cref="Sequence"/> numbers the posts of a thread from 1 (the opening post)
/// without gaps; live updates resume from it.
/// </summary>
[GenerateSerializer]
[Alias("mooc.forum.post-view")]
public sealed record ForumPostView(
    [property: Id(0)] string CourseId,
    [property: Id(1)] Guid ThreadId,
    [property: Id(2)] Guid PostId,
    [property: Id(3)] long Sequence,
    [property: Id(4)] string AuthorId,
    [property: Id(5)] string Body,
    [property: Id(6)] Guid? ReplyTo,
    [property: Id(7)] DateTimeOffset CreatedAt,
    [property: Id(8)] int Score,
    [property: Id(9)] bool Hidden,
    [property: Id(10)] string AuthorRole);
