using AdaptiveMooc.Grains.Abstractions.Common;

namespace AdaptiveMooc.Grains.Abstractions.Assessments;

/// <summary>Keys of <see cref="IAssessmentAttemptGrain"/>: <c>{learnerId}/{courseId}/{lessonId}</c> (ids never hold '/').</summary>
public static class AttemptKeys
{
    public static string Of(string learnerId, string courseId, string lessonId) => $"{learnerId}/{courseId}/{lessonId}";

    public static (string LearnerId, string CourseId, string LessonId) Parse(string key)
    {
        var parts = key.Split('/');
        return parts.Length == 3 && parts.All(Ids.IsValid)
            ? (parts[0], parts[1], parts[2])
            : throw new ArgumentException($"'{key}' is not learner/course/lesson.", nameof(key));
    }
}
