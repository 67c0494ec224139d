namespace AdaptiveMooc.Grains.Abstractions.Practice;

/// <summary>An item knowledge tracing should predict for a learner: its id and skills.</summary>
[GenerateSerializer]
[Immutable]
[Alias("mooc.PracticeItemRef")]
public sealed record PracticeItemRef(
    [property: Id(0)] string ItemId,
    [property: Id(1)] IReadOnlyList<string> Skills);
