namespace AdaptiveMooc.Grains.Abstractions.Forums;

/// <summary>A reply. <see cref="AuthorRole"/> is <c>learner</c>, <c>trainer</c> or <c>admin</c>; only learners'
/// posts become <c>commented</c> statements, since statements describe a learner's learning.</summary>
[GenerateSerializer]
[Alias("mooc.forum.add-post")]
public sealed record AddPostCommand(
    [property: Id(0)] Guid PostId,
    [property: Id(1)] string AuthorId,
    [property: Id(2)] string Body,
    [property: Id(3)] Guid? ReplyTo,
    [property: Id(4)] string AuthorRole);
