namespace AdaptiveMooc.Grains.Abstractions.Analytics;

/// <summary>
/// Reads a course's analytics: fans out to its <see cref="AnalyticsShards.Count"/> shards and merges
/// their per-learner rows as of an instant. Stateless, keyed by course id. Null when the course does not exist.
/// </summary>
[Alias("mooc.ICourseAnalyticsGrain")]
public interface ICourseAnalyticsGrain : IGrainWithStringKey
{
    [Alias("Get")]
    Task<CourseAnalytics?> Get(DateTimeOffset asOf);

    [Alias("GetLearners")]
    Task<IReadOnlyList<LearnerAnalytics>?> GetLearners(DateTimeOffset asOf);
}
