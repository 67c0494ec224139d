namespace AdaptiveMooc.Grains.Abstractions.Analytics;

[GenerateSerializer]
[Alias("mooc.ScoredAttempt")]
public sealed record ScoredAttempt(
    [property: Id(0)] Guid StatementId,
    [property: Id(1)] DateTimeOffset Timestamp,
    [property: Id(2)] double Score);
