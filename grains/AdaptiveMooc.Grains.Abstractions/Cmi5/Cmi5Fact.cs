namespace AdaptiveMooc.Grains.Abstractions.Cmi5;

/// <summary>
/// What the cmi5 rules look at in one statement of an AU: its verb, whether its object is the AU's activity
/// id, its registration, whether it carries the cmi5 category, and its scaled score.
/// </summary>
[GenerateSerializer]
[Alias("mooc.Cmi5Fact")]
public sealed record Cmi5Fact(
    [property: Id(0)] string Verb,
    [property: Id(1)] bool AboutUnit,
    [property: Id(2)] Guid? Registration,
    [property: Id(3)] bool Cmi5Category,
    [property: Id(4)] double? Scaled);
