namespace AdaptiveMooc.Grains.Abstractions.Forums;

/// <summary>Posts in sequence order; <see cref="NextAfter"/> is the sequence to continue after, null on the last page.</summary>
[GenerateSerializer]
[Alias("mooc.forum.post-page")]
public sealed record ForumPostPage(
    [property: Id(0)] IReadOnlyList<ForumPostView> Items,
    [property: Id(1)] long? NextAfter);
