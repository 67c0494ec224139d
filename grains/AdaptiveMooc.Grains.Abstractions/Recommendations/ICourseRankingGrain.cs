using Orleans.Concurrency;

namespace AdaptiveMooc.Grains.Abstractions.Recommendations;

/// <summary>
/// The course-wide next-lesson statistics of one course (keyed by course id): fed by learner grains,
/// read (and cached for a short while) by recommendation workers.
/// </summary>
[Alias("mooc.ICourseRankingGrain")]
public interface ICourseRankingGrain : IGrainWithStringKey
{
    [OneWay]
    [Alias("Observe")]
    Task Observe(RankingObservationMessage observation);

    /// <summary>Null while the course does not exist.</summary>
    [ReadOnly]
    [Alias("GetSnapshot")]
    Task<CourseRankingSnapshot?> GetSnapshot();
}
