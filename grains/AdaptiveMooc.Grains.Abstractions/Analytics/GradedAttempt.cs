namespace AdaptiveMooc.Grains.Abstractions.Analytics;

/// <summary>
/// A <c>completed</c>, <c>passed</c> or <c>failed</c> statement about a lesson, kept whole because the
/// risk features count it as a submission when the lesson is an assessment (decided when scoring, from
/// the course as it is then) and as activity otherwise.
/// </summary>
[GenerateSerializer]
[Alias("mooc.GradedAttempt")]
public sealed record GradedAttempt(
    [property: Id(0)] Guid StatementId,
    [property: Id(1)] DateTimeOffset Timestamp,
    [property: Id(2)] string Verb,
    [property: Id(3)] bool? Success,
    [property: Id(4)] double? ScoreScaled);
