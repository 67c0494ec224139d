namespace AdaptiveMooc.Grains.Abstractions.Analytics;

/// <summary>
/// Reads a course's analytics: fans out to its <see cref="AnalyticsShards.Count"/> shards and merges
/// their per-learner rows as of an instant. Stateless, keyed by course id. Null when the course does not exist.
/// </summary>
[Alias("mooc.ICourseAnalyticsGrain")]
public interface ICourseAnalyticsGrain : IGrainWithStringKey
{
    /// <summary>Learners in the at-risk list unless the caller asks for another number.</summary>
    const int DefaultAtRiskLimit = 50;

    /// <summary>Enough for every learner of the largest OULAD presentation, so a validation can score them all.</summary>
    const int MaxAtRiskLimit = 10_000;

    /// <param name="atRiskLimit">How many learners the at-risk list holds, highest risk first (0 to <see cref="MaxAtRiskLimit"/>).</param>
    [Alias("Get")]
    Task<CourseAnalytics?> Get(DateTimeOffset asOf, int atRiskLimit);

    [Alias("GetLearners")]
    Task<IReadOnlyList<LearnerAnalytics>?> GetLearners(DateTimeOffset asOf);

    /// <summary>
    /// Starts rebuilding every shard of the course from the statement store and returns at once
    /// (one-way): a large course takes longer than a call may wait. Shards answer reads again when done.
    /// </summary>
    [Orleans.Concurrency.OneWay]
    [Alias("Rebuild")]
    Task Rebuild();
}
