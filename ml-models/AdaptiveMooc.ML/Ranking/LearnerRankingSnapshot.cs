namespace AdaptiveMooc.ML.Ranking;

/// <summary>
/// The persisted form of <see cref="LearnerRankingState"/>: plain arrays of at most
/// <see cref="LearnerRankingState.DefaultCapacity"/> entries, whatever the learner's history length.
/// </summary>
public sealed record LearnerRankingSnapshot(
    int Capacity,
    int CurrentDay,
    int PreviousDay,
    int ActiveDays,
    long TotalClicks,
    int LessonDays,
    IReadOnlyList<string> Lessons,
    IReadOnlyList<int> LastDay,
    IReadOnlyList<int> Days,
    IReadOnlyList<int> Clicks,
    IReadOnlyList<int> LastDayClicks,
    IReadOnlyList<double> DecayedDays,
    IReadOnlyList<string> PreviousDayLessons,
    IReadOnlyList<int> PreviousDayClicks);
