using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Analytics;
using AdaptiveMooc.Grains.Abstractions.Courses;
using AdaptiveMooc.Grains.Models;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace AdaptiveMooc.Grains.Analytics;

/// <summary>
/// Reads a course's analytics. Each activation keeps the rows of every shard with the version they were
/// read at and refetches only the shards whose version moved, and caches the at-risk rankings
/// (<see cref="AtRiskCache"/>): a read without new facts costs one version call per shard.
/// </summary>
[StatelessWorker]
[GrainType("course-analytics")]
internal sealed partial class CourseAnalyticsGrain(IModelCatalog catalog, ILogger<CourseAnalyticsGrain> logger) : Grain, ICourseAnalyticsGrain
{
    private readonly AnalyticsShardVersion?[] versions = new AnalyticsShardVersion?[AnalyticsShards.Count];
    private readonly IReadOnlyList<LearnerAnalyticsRow>[] shardRows = [.. Enumerable.Repeat<IReadOnlyList<LearnerAnalyticsRow>>([], AnalyticsShards.Count)];
    private readonly AtRiskCache atRiskCache = new();

    private string CourseId => this.GetPrimaryKeyString();

    public async Task<CourseAnalytics?> Get(DateTimeOffset asOf, int atRiskLimit)
    {
        if (await Course() is not { } course)
        {
            return null;
        }

        var rows = await Rows();
        var (atRisk, status) = AtRisk(course, rows, asOf, Math.Clamp(atRiskLimit, 0, ICourseAnalyticsGrain.MaxAtRiskLimit));
        return AnalyticsCalculator.Compute(course.Definition, rows, asOf, atRisk, status);
    }

    public async Task<IReadOnlyList<LearnerAnalytics>?> GetLearners(DateTimeOffset asOf)
    {
        if (await Course() is not { } course)
        {
            return null;
        }

        var counted = AnalyticsCalculator.CountedLessons(course.Definition);
        var rows = await Rows();
        return [.. rows.OrderBy(r => r.LearnerId, StringComparer.Ordinal).Select(r => AnalyticsCalculator.Learner(r, counted, asOf))];
    }

    public async Task Rebuild()
    {
        var shards = Enumerable.Range(0, AnalyticsShards.Count).Select(async shard =>
        {
            try
            {
                var applied = await Shard(shard).Rebuild();
                LogRebuilt(logger, CourseId, shard, applied);
            }
            catch (TimeoutException)
            {
                // Only this wait gave up: the shard goes on rebuilding in its own turn.
                LogRebuildStillRunning(logger, CourseId, shard);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                LogRebuildFailed(logger, exception, CourseId, shard);
            }
        });
        await Task.WhenAll(shards);
    }

    /// <summary>
    /// Scored at read time from the rows (docs/ANALYTICS.md, "At-risk list"), at most once per cache key:
    /// the features need the whole cohort (percentiles) at the asked day, so a list kept up to date on
    /// every statement would rescore everyone.
    /// </summary>
    private (IReadOnlyList<AtRiskLearner> List, string Status) AtRisk(CourseSnapshot course, IReadOnlyList<LearnerAnalyticsRow> rows, DateTimeOffset asOf, int limit)
    {
        var models = catalog.Current;
        if (models.Withdrawn is not { } withdrawn)
        {
            var status = catalog.Status;
            return ([], $"unavailable: no withdrawal model (dropout.zip) is loaded (model set {models.Version}, catalog {status.State}{(status.Reason is { } reason ? ": " + reason : string.Empty)}{(status.LastError is { } error ? "; " + error : string.Empty)})");
        }

        var definition = course.Definition;
        var population = rows.Where(r => AtRiskFeatures.InPopulation(r, asOf) && AtRiskFeatures.DayZero(definition, r) is not null).ToList();
        var key = AtRiskCache.Key(asOf, models.Version, course.Version, versions.Select(v => v!));
        var ranking = atRiskCache.GetOrCompute(key, [.. population.Select(r => r.LearnerId)], () =>
        {
            var assessments = AtRiskFeatures.Assessments(definition);
            var inputs = population.Select(r => AtRiskFeatures.Raw(definition, assessments, r, asOf)).OfType<LearnerRiskInput>().ToList();
            return AtRiskRanking.Rank(inputs, withdrawn, models.AtRisk, int.MaxValue);
        });
        return ([.. ranking.Take(limit)], AtRiskRanking.Status(models.Version, models.AtRisk is not null, asOf, population.Count));
    }

    private async Task<CourseSnapshot?> Course() => await GrainFactory.ByKey<ICourseGrain>(CourseId).Get();

    /// <summary>Every row of the course: the version of each shard, then the rows of the shards whose version moved since this activation read them.</summary>
    private async Task<List<LearnerAnalyticsRow>> Rows()
    {
        var current = await Task.WhenAll(Enumerable.Range(0, AnalyticsShards.Count).Select(shard => Shard(shard).GetVersion()));
        var stale = Enumerable.Range(0, AnalyticsShards.Count).Where(shard => current[shard] != versions[shard]).ToList();
        var snapshots = await Task.WhenAll(stale.Select(shard => Shard(shard).GetSnapshot()));
        for (var i = 0; i < stale.Count; i++)
        {
            versions[stale[i]] = snapshots[i].Version;
            shardRows[stale[i]] = snapshots[i].Rows;
        }

        return [.. shardRows.SelectMany(rows => rows)];
    }

    private ICourseAnalyticsShardGrain Shard(int shard) => GrainFactory.ByKey<ICourseAnalyticsShardGrain>(AnalyticsShards.Key(CourseId, shard));

    [LoggerMessage(Level = LogLevel.Information, Message = "Analytics shard {Shard} of course {CourseId} rebuilt from {Statements} stored statements.")]
    private static partial void LogRebuilt(ILogger logger, string courseId, int shard, int statements);

    [LoggerMessage(Level = LogLevel.Information, Message = "Analytics shard {Shard} of course {CourseId} is still rebuilding after the call timeout.")]
    private static partial void LogRebuildStillRunning(ILogger logger, string courseId, int shard);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rebuilding analytics shard {Shard} of course {CourseId} failed.")]
    private static partial void LogRebuildFailed(ILogger logger, Exception exception, string courseId, int shard);
}
