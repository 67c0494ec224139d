namespace AdaptiveMooc.Grains.Abstractions.Analytics;

/// <summary>A learner's enrolment in a course as analytics keep it (the learner grain's <c>Enrolment</c> reduced to what the figures and risk features read).</summary>
[GenerateSerializer]
[Immutable]
[Alias("mooc.AnalyticsEnrolment")]
public sealed record AnalyticsEnrolment(
    [property: Id(0)] DateTimeOffset EnrolledAt,
    [property: Id(1)] DateTimeOffset? WithdrawnAt,
    [property: Id(2)] double? WeeklyStudyHours);
