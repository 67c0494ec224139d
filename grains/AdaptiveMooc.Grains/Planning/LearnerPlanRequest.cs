namespace AdaptiveMooc.Grains.Planning;

/// <summary>Everything one learner's plan across their courses depends on; the planner reads nothing else.</summary>
/// <param name="TimeZoneId">IANA time zone of the learner.</param>
/// <param name="Windows">Declared weekly windows, shared by every course.</param>
/// <param name="Now">The instant the plan is made at.</param>
/// <param name="Courses">Active enrolments, in any order (the planner sorts by id for ties).</param>
/// <param name="Events">Fixed events (registered webinars of any course) the sessions leave free.</param>
/// <param name="Weeks">Weeks of sessions to return; completion is projected beyond them.</param>
internal sealed record LearnerPlanRequest(
    string TimeZoneId,
    IReadOnlyList<WeeklyWindow> Windows,
    DateTimeOffset Now,
    IReadOnlyList<CourseDemand> Courses,
    IReadOnlyList<FixedEvent> Events,
    int Weeks);
