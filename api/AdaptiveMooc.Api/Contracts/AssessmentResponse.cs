using AdaptiveMooc.Grains.Abstractions.Assessments;

namespace AdaptiveMooc.Api.Contracts;

/// <summary>A lesson's assessment settings; <c>itemCount</c> is what one attempt delivers.</summary>
public sealed record AssessmentResponse(
    string CourseId,
    string LessonId,
    IReadOnlyList<string>? ItemIds,
    IReadOnlyList<SkillPool>? Pools,
    int ItemCount,
    int? TimeLimitMinutes,
    int? MaxAttempts,
    double PassScore)
{
    public static AssessmentResponse From(string courseId, string lessonId, AssessmentDefinition d) =>
        new(courseId, lessonId, d.ItemIds, d.Pools, d.ItemCount, d.TimeLimitMinutes, d.MaxAttempts, d.PassScore);
}
