using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Analytics;
using AdaptiveMooc.Grains.Abstractions.Courses;
using AdaptiveMooc.Grains.Models;
using Orleans.Concurrency;

namespace AdaptiveMooc.Grains.Analytics;

[StatelessWorker]
[GrainType("course-analytics")]
internal sealed class CourseAnalyticsGrain(IModelCatalog catalog) : Grain, ICourseAnalyticsGrain
{
    private string CourseId => this.GetPrimaryKeyString();

    public async Task<CourseAnalytics?> Get(DateTimeOffset asOf, int atRiskLimit)
    {
        if (await Course() is not { } course)
        {
            return null;
        }

        var rows = await Rows();
        var (atRisk, status) = AtRisk(course, rows, asOf, Math.Clamp(atRiskLimit, 0, ICourseAnalyticsGrain.MaxAtRiskLimit));
        return AnalyticsCalculator.Compute(course, rows, asOf, atRisk, status);
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

    /// <summary>
    /// Scored at read time from the rows this request fetched anyway: the features need the whole
    /// cohort (percentiles) at the asked day, so a list kept up to date on every statement would rescore
    /// everyone; one read costs a feature replay per learner (bounded by the row) and two model calls
    /// (docs/ANALYTICS.md, "At-risk list").
    /// </summary>
    private (IReadOnlyList<AtRiskLearner> List, string Status) AtRisk(CourseDefinition course, IReadOnlyList<LearnerAnalyticsRow> rows, DateTimeOffset asOf, int limit)
    {
        var models = catalog.Current;
        if (models.Withdrawn is not { } withdrawn)
        {
            var status = catalog.Status;
            return ([], $"unavailable: no withdrawal model (dropout.zip) is loaded (model set {models.Version}, catalog {status.State}{(status.Reason is { } reason ? ": " + reason : string.Empty)}{(status.LastError is { } error ? "; " + error : string.Empty)})");
        }

        var assessments = AtRiskFeatures.Assessments(course);
        var inputs = rows.Select(r => AtRiskFeatures.Raw(course, assessments, r, asOf)).OfType<LearnerRiskInput>().ToList();
        var list = AtRiskRanking.Rank(inputs, withdrawn, models.AtRisk, limit);
        return (list, AtRiskRanking.Status(models.Version, models.AtRisk is not null, asOf, inputs.Count));
    }

    private async Task<CourseDefinition?> Course() => (await GrainFactory.ByKey<ICourseGrain>(CourseId).Get())?.Definition;

    private async Task<List<LearnerAnalyticsRow>> Rows()
    {
        var shards = await Task.WhenAll(Enumerable.Range(0, AnalyticsShards.Count)
            .Select(shard => GrainFactory.ByKey<ICourseAnalyticsShardGrain>(AnalyticsShards.Key(CourseId, shard)).GetRows()));
        return [.. shards.SelectMany(rows => rows)];
    }
}
