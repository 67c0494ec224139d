using AdaptiveMooc.Grains.Abstractions.Analytics;
using AdaptiveMooc.Grains.Abstractions.Courses;
using Orleans.Concurrency;

namespace AdaptiveMooc.Grains.Analytics;

[StatelessWorker]
[GrainType("course-analytics")]
internal sealed class CourseAnalyticsGrain : Grain, ICourseAnalyticsGrain
{
    /// <summary>Scoring needs the risk model's engagement and pacing features per learner, which the shards do not keep yet; until they do, no score is shown rather than an invented one.</summary>
    private const string RiskUnavailable = "unavailable: the risk model is not yet connected to course analytics";

    private string CourseId => this.GetPrimaryKeyString();

    public async Task<CourseAnalytics?> Get(DateTimeOffset asOf)
    {
        if (await Course() is not { } course)
        {
            return null;
        }

        var rows = await Rows();
        return AnalyticsCalculator.Compute(course, rows, asOf, [], RiskUnavailable);
    }

    public async Task<IReadOnlyList<LearnerAnalytics>?> GetLearners(DateTimeOffset asOf)
    {
        if (await Course() is not { } course)
        {
            return null;
        }

        var counted = AnalyticsCalculator.CountedLessons(course);
        var rows = await Rows();
        return [.. rows.OrderBy(r => r.LearnerId, StringComparer.Ordinal).Select(r => AnalyticsCalculator.Learner(r, counted, asOf))];
    }

    private async Task<CourseDefinition?> Course() => (await GrainFactory.GetGrain<ICourseGrain>(CourseId).Get())?.Definition;

    private async Task<List<LearnerAnalyticsRow>> Rows()
    {
        var shards = await Task.WhenAll(Enumerable.Range(0, AnalyticsShards.Count)
            .Select(shard => GrainFactory.GetGrain<ICourseAnalyticsShardGrain>(AnalyticsShards.Key(CourseId, shard)).GetRows()));
        return [.. shards.SelectMany(rows => rows)];
    }
}
