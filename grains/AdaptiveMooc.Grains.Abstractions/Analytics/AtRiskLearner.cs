namespace AdaptiveMooc.Grains.Abstractions.Analytics;

[GenerateSerializer]
[Alias("mooc.AtRiskLearner")]
public sealed record AtRiskLearner(
    [property: Id(0)] string LearnerId,
    [property: Id(1)] double Risk,
    [property: Id(2)] IReadOnlyList<string> Reasons);
