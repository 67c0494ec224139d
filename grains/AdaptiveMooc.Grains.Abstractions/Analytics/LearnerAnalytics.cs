namespace AdaptiveMooc.Grains.Abstractions.Analytics;

/// <summary>One line of the learner table (CSV export), as of a given instant.</summary>
[GenerateSerializer]
[Alias("mooc.LearnerAnalytics")]
public sealed record LearnerAnalytics(
    [property: Id(0)] string LearnerId,
    [property: Id(1)] DateTimeOffset? EnrolledAt,
    [property: Id(2)] DateTimeOffset? WithdrawnAt,
    [property: Id(3)] int LessonsStarted,
    [property: Id(4)] int LessonsCompleted,
    [property: Id(5)] bool CompletedCourse,
    [property: Id(6)] DateTimeOffset? LastActivity,
    [property: Id(7)] int ActiveDays,
    [property: Id(8)] double? MeanScore);
