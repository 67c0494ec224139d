namespace AdaptiveMooc.Grains.Abstractions.Forums;

/// <summary>A page of the thread listing; <see cref="Next"/> is an opaque cursor, null on the last page.</summary>
[GenerateSerializer]
[Alias("mooc.forum.thread-page")]
public sealed record ForumThreadPage(
    [property: Id(0)] IReadOnlyList<ForumThreadView> Items,
    [property: Id(1)] string? Next);
