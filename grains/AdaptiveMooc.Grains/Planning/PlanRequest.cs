namespace AdaptiveMooc.Grains.Planning;

/// <summary>Everything a weekly plan depends on; the planner reads nothing else (not even the clock).</summary>
/// <param name="TimeZoneId">IANA time zone of the learner.</param>
/// <param name="Windows">Declared weekly windows, local times in <paramref name="TimeZoneId"/>.</param>
/// <param name="Now">The instant the plan is made at; sessions start at or after it.</param>
/// <param name="Remaining">Lessons not completed yet.</param>
/// <param name="Completed">Completed lesson ids (prerequisites on them are satisfied).</param>
/// <param name="Events">Fixed events the sessions must leave free.</param>
/// <param name="TargetDate">Enrolment target date (local date in the learner's zone), if any.</param>
/// <param name="Weeks">How many weeks of sessions to return; completion is projected beyond them.</param>
internal sealed record PlanRequest(
    string TimeZoneId,
    IReadOnlyList<WeeklyWindow> Windows,
    DateTimeOffset Now,
    IReadOnlyList<PlanLesson> Remaining,
    IReadOnlySet<string> Completed,
    IReadOnlyList<FixedEvent> Events,
    DateOnly? TargetDate,
    int Weeks);
