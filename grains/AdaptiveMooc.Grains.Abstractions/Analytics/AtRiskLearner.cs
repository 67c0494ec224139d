namespace AdaptiveMooc.Grains.Abstractions.Analytics;

/// <summary>
/// One learner of the at-risk list. <see cref="Risk"/> is the withdrawal model's probability (dropout.zip),
/// <see cref="AtRiskProbability"/> the at-risk model's (risk.zip: withdrawn or failed) when it is loaded;
/// <see cref="Reasons"/> are the sentences of the withdrawal score's largest feature contributions and
/// <see cref="ReasonCodes"/> their stable codes, in the same order.
/// </summary>
[GenerateSerializer]
[Alias("mooc.AtRiskLearner")]
public sealed record AtRiskLearner(
    [property: Id(0)] string LearnerId,
    [property: Id(1)] double Risk,
    [property: Id(2)] IReadOnlyList<string> Reasons,
    [property: Id(3)] double? AtRiskProbability = null,
    [property: Id(4)] IReadOnlyList<string>? ReasonCodes = null,
    [property: Id(5)] int? CourseDay = null);
