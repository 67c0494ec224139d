using AdaptiveMooc.Grains.Abstractions.Common;
using System.Text.Json;
using AdaptiveMooc.Grains.Abstractions.Courses;
using AdaptiveMooc.Grains.Abstractions.Learners;
using AdaptiveMooc.Grains.Abstractions.Recommendations;
using AdaptiveMooc.Grains.Models;
using AdaptiveMooc.ML.Ranking;
using Orleans.Concurrency;

namespace AdaptiveMooc.Grains.Recommendations;

/// <summary>
/// Ranks a learner's next lessons from their progress, online learner model and next free window.
/// Stateless: the learner, course and course-ranking grains own the data; activations only compute,
/// so Orleans runs as many as the load needs, each with its own <see cref="RankingScorer"/> (one
/// prediction engine, never shared), recreated when the catalog serves a new ranking model. Course
/// ranking statistics are cached per activation for <see cref="StatsLifetime"/>.
/// </summary>
[StatelessWorker]
[GrainType("recommendation")]
internal sealed class RecommendationGrain(IModelCatalog catalog, TimeProvider clock) : Grain, IRecommendationGrain
{
    /// <summary>The version answered while no trained ranking model is serving: course order and popularity.</summary>
    public const string PriorVersion = ModelSet.PriorVersion;

    private static readonly TimeSpan StatsLifetime = TimeSpan.FromSeconds(30);

    private readonly Dictionary<string, CachedStats> stats = new(StringComparer.Ordinal);
    private RankingScorer? scorer;
    private RankingModel? scorerModel;
    private float[] features = [];

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        scorer?.Dispose();
        scorer = null;
        return Task.CompletedTask;
    }

    public async Task<LessonRecommendations?> Recommend(string learnerId, string courseId, int limit)
    {
        // Two calls: the course (immutable, shared without a copy), then the learner's whole view of it.
        if (await GrainFactory.ByKey<ICourseGrain>(courseId).Get() is not { } course
            || await GrainFactory.ByKey<ILearnerGrain>(learnerId).GetCourseView(courseId, course.Definition) is not { } learner)
        {
            return null;
        }

        return await Rank(course, learner, limit);
    }

    public async Task<LessonRecommendations> Rank(CourseSnapshot course, LearnerCourseView learner, int limit)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(learner);
        var courseId = course.Definition.Id;
        var models = catalog.Current;
        var now = clock.GetUtcNow();
        var view = learner.Model;
        var profile = learner.Profile;
        var progress = learner.Progress;
        var enrolment = learner.Enrolment;
        var courseStats = await Stats(courseId, course);
        var scores = Score(models, view, courseStats, now);
        var request = RecommendationInputs.Build(
            profile,
            enrolment,
            progress,
            course.Definition,
            now,
            Math.Clamp(limit, 1, IRecommendationGrain.MaxLimit),
            scores,
            Popularity(courseStats),
            view is null ? null : SkillMemories(view),
            PacingMinutes.For(models, view));
        var ranked = RecommendationRanker.Rank(request);
        // The catalog's version when its ranking model scored this answer; the prior's when it could not
        // (no model, or a learner without any lesson activity yet: cold start).
        return new LessonRecommendations(
            scores is null ? PriorVersion : models.Version,
            Describe(ranked, course.Definition));
    }

    /// <summary>Each ranked lesson with the course's title, kind, minutes and content link for it.</summary>
    private static List<LessonRecommendation> Describe(IReadOnlyList<RankedLesson> ranked, CourseDefinition course)
    {
        var wanted = ranked.Select(r => r.LessonId).ToHashSet(StringComparer.Ordinal);
        var lessons = course.AllLessons().Where(l => wanted.Contains(l.Id)).ToDictionary(l => l.Id, StringComparer.Ordinal);
        return [.. ranked.Select(r =>
        {
            var lesson = lessons[r.LessonId];
            return new LessonRecommendation(r.LessonId, r.Score, r.Reasons, lesson.Title, lesson.Kind, lesson.Minutes, lesson.ContentUrl);
        })];
    }

    /// <summary>Ranking model scores of every lesson, or null without a model or without any lesson activity of the learner.</summary>
    private Dictionary<string, float>? Score(ModelSet models, LearnerModelView? view, CourseRankingStats? courseStats, DateTimeOffset now)
    {
        if (models.Ranking is not { } ranking || courseStats is null || view is not { Ranking: { } json, CourseStart: { } start }
            || JsonSerializer.Deserialize<LearnerRankingSnapshot>(json, CourseModelInputs.Json) is not { } snapshot)
        {
            return null;
        }

        if (!ReferenceEquals(scorerModel, ranking))
        {
            scorer?.Dispose();
            scorer = ranking.CreateScorer();
            scorerModel = ranking;
        }

        var n = courseStats.Candidates.Count;
        if (features.Length < n * RankingFeatures.Count)
        {
            features = new float[n * RankingFeatures.Count];
        }

        RankingFeatures.Compute(LearnerRankingState.FromSnapshot(snapshot), courseStats, CourseDay.Of(now, start), features);
        var scores = new float[n];
        scorer!.ScoreAll(features.AsSpan(0, n * RankingFeatures.Count), scores);
        GrainMetrics.ModelPredictions.Add(n, new KeyValuePair<string, object?>("model", ModelSet.RankingName));
        var result = new Dictionary<string, float>(n, StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            result[courseStats.Candidates[i].LessonId] = scores[i];
        }

        return result;
    }

    /// <summary>Share of the course's active learner-days that used each lesson.</summary>
    private static Dictionary<string, double>? Popularity(CourseRankingStats? courseStats)
    {
        if (courseStats is null || courseStats.TotalLearnerDays == 0)
        {
            return null;
        }

        return courseStats.Candidates
            .Select((c, i) => (c.LessonId, Share: (double)courseStats.LearnerDays(i) / courseStats.TotalLearnerDays))
            .ToDictionary(x => x.LessonId, x => x.Share, StringComparer.Ordinal);
    }

    private static Dictionary<string, SkillMemory> SkillMemories(LearnerModelView view) =>
        view.Mastery.ToDictionary(
            kv => kv.Key,
            kv => new SkillMemory(kv.Value, view.Practices.GetValueOrDefault(kv.Key), view.LastPractised.TryGetValue(kv.Key, out var last) ? last : null),
            StringComparer.Ordinal);

    private async Task<CourseRankingStats?> Stats(string courseId, CourseSnapshot course)
    {
        var now = clock.GetUtcNow();
        if (stats.TryGetValue(courseId, out var cached) && cached.CourseVersion == course.Version && now - cached.FetchedAt < StatsLifetime)
        {
            return cached.Stats;
        }

        var snapshot = await GrainFactory.ByKey<ICourseRankingGrain>(courseId).GetSnapshot();
        if (snapshot is null || JsonSerializer.Deserialize<CourseRankingStatsSnapshot>(snapshot.Json, CourseModelInputs.Json) is not { } parsed)
        {
            stats.Remove(courseId);
            return null;
        }

        var restored = CourseRankingStats.FromSnapshot(CourseModelInputs.Candidates(course.Definition), parsed);
        stats[courseId] = new CachedStats(restored, course.Version, now);
        return restored;
    }

    private sealed record CachedStats(CourseRankingStats Stats, int CourseVersion, DateTimeOffset FetchedAt);
}
