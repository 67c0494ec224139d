namespace AdaptiveMooc.Grains.Abstractions.Analytics;

/// <summary>
/// The analytics rows of the learners of one course that fall in one shard, keyed
/// <see cref="AnalyticsShards.Key"/>. Fed by the learner grains after they apply statements and
/// enrolments, so no single grain sits on the path of every statement.
/// </summary>
[Alias("mooc.ICourseAnalyticsShardGrain")]
public interface ICourseAnalyticsShardGrain : IGrainWithStringKey
{
    [Alias("Apply")]
    Task Apply(AnalyticsFact fact);

    [Alias("SetEnrolment")]
    Task SetEnrolment(string learnerId, DateTimeOffset enrolledAt, DateTimeOffset? withdrawnAt);

    [Orleans.Concurrency.ReadOnly]
    [Alias("GetRows")]
    Task<IReadOnlyList<LearnerAnalyticsRow>> GetRows();
}
