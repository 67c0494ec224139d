namespace AdaptiveMooc.Grains.Abstractions.Models;

/// <summary>One model's decision in a run, as the registry keeps it.</summary>
/// <param name="Decision"><c>promoted</c>, <c>refused</c> or <c>skipped</c>.</param>
/// <param name="Version">The candidate's version (hash of its files), when one was trained.</param>
/// <param name="IncumbentVersion">The version serving when it was judged (null: none served).</param>
/// <param name="DataFrom">First statement read.</param>
/// <param name="Cutoff">Training examples come from statements before it; test examples are predicted at or after it.</param>
/// <param name="DataTo">Last statement read.</param>
[GenerateSerializer]
[Alias("mooc.ModelDecisionView")]
public sealed record ModelDecisionView(
    [property: Id(0)] string Model,
    [property: Id(1)] string Metric,
    [property: Id(2)] string Decision,
    [property: Id(3)] string Reason,
    [property: Id(4)] string? Version,
    [property: Id(5)] string? IncumbentVersion,
    [property: Id(6)] DateTimeOffset? DataFrom,
    [property: Id(7)] DateTimeOffset? Cutoff,
    [property: Id(8)] DateTimeOffset? DataTo,
    [property: Id(9)] int? TrainN,
    [property: Id(10)] int? TestN,
    [property: Id(11)] ModelFiguresView? Candidate,
    [property: Id(12)] ModelFiguresView? Incumbent,
    [property: Id(13)] DateTimeOffset DecidedAt);
