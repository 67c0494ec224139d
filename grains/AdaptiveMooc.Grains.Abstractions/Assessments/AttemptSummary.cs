namespace AdaptiveMooc.Grains.Abstractions.Assessments;

[GenerateSerializer]
[Immutable]
[Alias("mooc.AttemptSummary")]
public sealed record AttemptSummary(
    [property: Id(0)] int Number,
    [property: Id(1)] DateTimeOffset StartedAt,
    [property: Id(2)] DateTimeOffset? SubmittedAt,
    [property: Id(3)] double Score,
    [property: Id(4)] bool Passed);
