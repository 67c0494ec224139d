namespace AdaptiveMooc.Grains.Abstractions.Assessments;

/// <summary>
/// How a quiz or assignment lesson draws its items and what it allows: a fixed list of bank items
/// (<see cref="ItemIds"/>, delivered in that order) or random items per skill (<see cref="Pools"/>), not
/// both; an optional time limit and an optional maximum number of attempts; the score that passes.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("mooc.AssessmentDefinition")]
public sealed record AssessmentDefinition(
    [property: Id(0)] IReadOnlyList<string>? ItemIds = null,
    [property: Id(1)] IReadOnlyList<SkillPool>? Pools = null,
    [property: Id(2)] int? TimeLimitMinutes = null,
    [property: Id(3)] int? MaxAttempts = null,
    [property: Id(4)] double PassScore = 0.6)
{
    public const int MaxItems = 100;
    public const int MaxTimeLimitMinutes = 600;

    /// <summary>Attempts a learner may start when the definition sets no maximum (keeps attempt state bounded).</summary>
    public const int AttemptsCeiling = 100;

    public int ItemCount => ItemIds?.Count ?? Pools?.Sum(p => p.Count) ?? 0;
}
