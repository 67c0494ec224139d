namespace AdaptiveMooc.ML.Ranking;

/// <summary>Counts of one course week or day in a <see cref="CourseRankingStatsSnapshot"/>; lessons without activity are left out.</summary>
public sealed record CourseRankingPeriodCounts(
    int Period,
    int ActiveLearnerDays,
    double TotalClicks,
    IReadOnlyDictionary<string, double> Clicks,
    IReadOnlyDictionary<string, int> LearnerDays);
