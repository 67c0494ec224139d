namespace AdaptiveMooc.ML.Ranking;

/// <summary>
/// The persisted form of <see cref="CourseRankingStats"/>, keyed by lesson id (so it survives lessons
/// being added to the course). Its size is bounded by the course's lessons, weeks and days.
/// </summary>
public sealed record CourseRankingStatsSnapshot(
    int TotalLearnerDays,
    IReadOnlyList<CourseRankingLessonTotals> Lessons,
    IReadOnlyList<CourseRankingPeriodCounts> Weeks,
    IReadOnlyList<CourseRankingPeriodCounts> Days);
