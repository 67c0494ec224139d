namespace AdaptiveMooc.Grains.Abstractions.Forums;

[GenerateSerializer]
[Alias("mooc.forum.start-thread")]
public sealed record StartThreadCommand(
    [property: Id(0)] string AuthorId,
    [property: Id(1)] string Title,
    [property: Id(2)] string Body,
    [property: Id(3)] IReadOnlyList<string> Tags,
    [property: Id(4)] Guid OpeningPostId,
    [property: Id(5)] string AuthorRole);
