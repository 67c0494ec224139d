namespace AdaptiveMooc.Grains.Abstractions.Planning;

/// <summary>A learner's plan for a course, shaped as the plan endpoint answers it.</summary>
/// <param name="OnTrack">Whether the projection meets the enrolment's target date and every due date ahead.</param>
/// <param name="ProjectedCompletion">When the remaining lessons would be done at the declared availability; null when never.</param>
/// <param name="WeeklyHoursNeeded">Weekly hours that meet the dates (without dates: the pace the plan keeps).</param>
/// <param name="Explanation">A sentence for the learner.</param>
/// <param name="Sessions">Study sessions of the requested weeks, with the learner's local offset.</param>
/// <param name="ProgressVersion">Statements applied to the course's progress when the plan was made.</param>
/// <param name="PlannedAt">When the plan was computed.</param>
[GenerateSerializer]
[Alias("mooc.LearningPlan")]
public sealed record LearningPlan(
    [property: Id(0)] bool OnTrack,
    [property: Id(1)] DateTimeOffset? ProjectedCompletion,
    [property: Id(2)] double WeeklyHoursNeeded,
    [property: Id(3)] string Explanation,
    [property: Id(4)] IReadOnlyList<PlanSession> Sessions,
    [property: Id(5)] long ProgressVersion,
    [property: Id(6)] DateTimeOffset PlannedAt);
