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
    IReadOnlyList<string> Lessons,
    IReadOnlyList<int> LastDay,
    IReadOnlyList<int> Days,
    IReadOnlyList<int> Clicks,
    IReadOnlyList<int> LastDayClicks,
    IReadOnlyList<string> PreviousDayLessons,
    IReadOnlyList<int> PreviousDayClicks);
