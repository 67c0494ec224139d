using AdaptiveMooc.Grains.Abstractions.Courses;
using AdaptiveMooc.Grains.Abstractions.Learners;
using Orleans.Concurrency;

namespace AdaptiveMooc.Grains.Abstractions.Recommendations;

/// <summary>
/// Stateless next-lesson inference (use key 0). Each activation holds its own scorer, so the silo
/// scales it out across cores without sharing a prediction engine between threads.
/// </summary>
[Alias("mooc.IRecommendationGrain")]
public interface IRecommendationGrain : IGrainWithIntegerKey
{
    public const int MaxLimit = 50;

    /// <summary>Null when the learner has neither an enrolment in nor activity about the course, or the course does not exist.</summary>
    [ReadOnly]
    [Alias("Recommend")]
    Task<LessonRecommendations?> Recommend(string learnerId, string courseId, int limit);

    /// <summary>
    /// Ranks for a learner grain that already holds the course and built its view of it
    /// (<see cref="ILearnerGrain.GetRecommendations"/> keeps the answer).
    /// </summary>
    [ReadOnly]
    [Alias("Rank")]
    Task<LessonRecommendations> Rank(CourseSnapshot course, LearnerCourseView learner, int limit);
}
