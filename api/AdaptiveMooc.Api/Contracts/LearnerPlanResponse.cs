using AdaptiveMooc.Grains.Abstractions.Planning;

namespace AdaptiveMooc.Api.Contracts;

/// <summary>The learner plan across all active enrolments (docs/API.md, "One plan per learner").</summary>
public sealed record LearnerPlanResponse(
    string Explanation,
    double WeeklyHoursPlanned,
    double DeclaredWeeklyHours,
    DateTimeOffset PlannedAt,
    IReadOnlyList<LearnerPlanSessionResponse> Sessions,
    IReadOnlyList<CoursePlanResponse> Courses)
{
    public static LearnerPlanResponse From(LearnerPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new(
            plan.Explanation,
            plan.WeeklyHoursPlanned,
            plan.DeclaredWeeklyHours,
            plan.PlannedAt,
            [.. plan.Sessions.Select(LearnerPlanSessionResponse.From)],
            [.. plan.Courses.Select(CoursePlanResponse.From)]);
    }
}
