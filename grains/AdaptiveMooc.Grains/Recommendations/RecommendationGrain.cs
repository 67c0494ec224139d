using AdaptiveMooc.Grains.Abstractions.Courses;
using AdaptiveMooc.Grains.Abstractions.Learners;
using AdaptiveMooc.Grains.Abstractions.Recommendations;
using AdaptiveMooc.Grains.Planning;
using Orleans.Concurrency;

namespace AdaptiveMooc.Grains.Recommendations;

/// <summary>
/// Ranks a learner's next lessons from their progress, learner model and next free window. Stateless:
/// the learner and course grains own the data; activations only compute, so Orleans runs as many as
/// the load needs, each with its own scorer.
/// </summary>
[StatelessWorker]
[GrainType("recommendation")]
internal sealed class RecommendationGrain(TimeProvider clock) : Grain, IRecommendationGrain
{
    /// <summary>The version answered while no trained ranking model is serving: course order and popularity.</summary>
    public const string PriorVersion = "prior-1";

    public async Task<LessonRecommendations?> Recommend(string learnerId, string courseId, int limit)
    {
        var learner = GrainFactory.GetGrain<ILearnerGrain>(learnerId);
        var profileTask = learner.GetProfile();
        var progressTask = learner.GetProgress(courseId);
        var enrolmentsTask = learner.GetEnrolments();
        var courseTask = GrainFactory.GetGrain<ICourseGrain>(courseId).Get();
        await Task.WhenAll(profileTask, progressTask, enrolmentsTask, courseTask);
        if (profileTask.Result is not { } profile || progressTask.Result is not { } progress || courseTask.Result is not { } course)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var enrolment = enrolmentsTask.Result.FirstOrDefault(e => string.Equals(e.CourseId, courseId, StringComparison.Ordinal));
        var request = RecommendationInputs.Build(profile, enrolment, progress, course.Definition, now, Math.Clamp(limit, 1, IRecommendationGrain.MaxLimit));
        var ranked = RecommendationRanker.Rank(request);
        return new LessonRecommendations(
            PriorVersion,
            [.. ranked.Select(r => new LessonRecommendation(r.LessonId, r.Score, r.Reasons))]);
    }
}
