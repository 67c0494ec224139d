using AdaptiveMooc.ML.Events;

namespace AdaptiveMooc.ML.Ranking;

/// <summary>
/// One course (an OULAD presentation, or a platform course) as the ranking protocol reads it: its
/// candidate lessons, its day 0, and its learners' events in any order.
/// </summary>
public sealed record RankingCourseData(
    string CourseId,
    IReadOnlyList<RankingCandidate> Candidates,
    DateTimeOffset Start,
    IReadOnlyList<LearningEvent> Events);
