namespace AdaptiveMooc.Grains.Abstractions.Planning;

/// <summary>A learner's plan across all their active enrolments (docs/API.md, "One plan per learner").</summary>
/// <param name="Explanation">How the declared time is shared, for the learner.</param>
/// <param name="WeeklyHoursPlanned">Mean planned hours per week over the weeks shown, every course together.</param>
/// <param name="DeclaredWeeklyHours">Weekly hours the declared windows add up to.</param>
/// <param name="Sessions">Sessions of the recent past (done or missed) and of the weeks shown, in time order.</param>
/// <param name="Courses">One entry per active enrolment, ordered by course id.</param>
/// <param name="PlannedAt">When the plan was computed.</param>
[GenerateSerializer]
[Alias("mooc.LearnerPlan")]
public sealed record LearnerPlan(
    [property: Id(0)] string Explanation,
    [property: Id(1)] double WeeklyHoursPlanned,
    [property: Id(2)] double DeclaredWeeklyHours,
    [property: Id(3)] IReadOnlyList<LearnerPlanSession> Sessions,
    [property: Id(4)] IReadOnlyList<CourseOutlookView> Courses,
    [property: Id(5)] DateTimeOffset PlannedAt);
