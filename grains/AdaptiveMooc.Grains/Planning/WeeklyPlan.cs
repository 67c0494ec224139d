namespace AdaptiveMooc.Grains.Planning;

/// <summary>The planner's answer, shaped like the plan endpoint's response.</summary>
/// <param name="OnTrack">Whether the projected schedule meets the target date and every future due date.</param>
/// <param name="ProjectedCompletion">When the last remaining lesson would be finished at the declared availability; null when never (no availability) or beyond the projection horizon.</param>
/// <param name="WeeklyHoursNeeded">Weekly study hours that meet the target date and due dates from now on.</param>
/// <param name="Explanation">A sentence a learner can read.</param>
/// <param name="Sessions">Sessions of the requested weeks.</param>
/// <param name="LateLessonIds">Lessons the projection finishes after their due instant (or already overdue).</param>
internal sealed record WeeklyPlan(
    bool OnTrack,
    DateTimeOffset? ProjectedCompletion,
    double WeeklyHoursNeeded,
    string Explanation,
    IReadOnlyList<PlannedSession> Sessions,
    IReadOnlyList<string> LateLessonIds);
