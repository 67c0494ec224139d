using AdaptiveMooc.Grains.Abstractions.Assessments;

namespace AdaptiveMooc.Api.Contracts;

/// <summary>Body of <c>PUT /api/courses/{courseId}/lessons/{lessonId}/assessment</c>: <c>itemIds</c> or <c>pools</c>.</summary>
public sealed record AssessmentBody(
    IReadOnlyList<string>? ItemIds,
    IReadOnlyList<SkillPool>? Pools,
    int? TimeLimitMinutes,
    int? MaxAttempts,
    double? PassScore)
{
    public AssessmentDefinition ToDefinition() => new(ItemIds, Pools, TimeLimitMinutes, MaxAttempts, PassScore ?? 0.6);
}
