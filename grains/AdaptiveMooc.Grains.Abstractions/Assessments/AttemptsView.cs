namespace AdaptiveMooc.Grains.Abstractions.Assessments;

/// <summary>A learner's attempts at one lesson: the latest in full, earlier ones as scores.</summary>
[GenerateSerializer]
[Immutable]
[Alias("mooc.AttemptsView")]
public sealed record AttemptsView(
    [property: Id(0)] int AttemptsUsed,
    [property: Id(1)] int? MaxAttempts,
    [property: Id(2)] double? BestScore,
    [property: Id(3)] AttemptView? Latest,
    [property: Id(4)] IReadOnlyList<AttemptSummary> Earlier);
