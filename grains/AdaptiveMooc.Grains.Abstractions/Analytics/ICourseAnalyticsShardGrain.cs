namespace AdaptiveMooc.Grains.Abstractions.Analytics;

/// <summary>
/// The analytics rows of the learners of one course that fall in one shard, keyed
/// <see cref="AnalyticsShards.Key"/>. Fed by the learner grains after they apply statements and
/// enrolments, so no single grain sits on the path of every statement; caught up from the statement
/// store on activation, so facts not yet written when a silo died come back.
/// </summary>
[Alias("mooc.ICourseAnalyticsShardGrain")]
public interface ICourseAnalyticsShardGrain : IGrainWithStringKey
{
    [Alias("Apply")]
    Task Apply(AnalyticsFact fact);

    /// <summary>Durable before it returns (enrolments are rare and not in the statement store).</summary>
    [Alias("SetEnrolment")]
    Task SetEnrolment(string learnerId, AnalyticsEnrolment enrolment);

    [Orleans.Concurrency.ReadOnly]
    [Alias("GetRows")]
    Task<IReadOnlyList<LearnerAnalyticsRow>> GetRows();

    [Orleans.Concurrency.ReadOnly]
    [Alias("GetVersion")]
    Task<AnalyticsShardVersion> GetVersion();

    [Orleans.Concurrency.ReadOnly]
    [Alias("GetSnapshot")]
    Task<AnalyticsShardSnapshot> GetSnapshot();

    /// <summary>
    /// Refolds every row from the statement store (keeping enrolments, which the store does not hold)
    /// and writes the shard; returns the number of statements applied.
    /// </summary>
    [Alias("Rebuild")]
    Task<int> Rebuild();
}
