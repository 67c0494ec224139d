namespace AdaptiveMooc.Grains.Abstractions.Analytics;

/// <summary>The earliest and latest statement timestamps of one learner on one UTC day; enough to answer "active in (a, b]" exactly for windows of at least a day.</summary>
[GenerateSerializer]
[Alias("mooc.DayActivity")]
public sealed record DayActivity(
    [property: Id(0)] DateTimeOffset First,
    [property: Id(1)] DateTimeOffset Last);
