namespace AdaptiveMooc.Grains.Abstractions.Analytics;

/// <summary>Latest scored attempt per learner and assessment with a scaled score in [From, To) (the last bucket includes 1).</summary>
[GenerateSerializer]
[Alias("mooc.ScoreBucket")]
public sealed record ScoreBucket(
    [property: Id(0)] double From,
    [property: Id(1)] double To,
    [property: Id(2)] int Count);
