namespace AdaptiveMooc.Grains.Planning;

/// <summary>The learner planner's answer: sessions of every course together, and each course's outlook.</summary>
/// <param name="Explanation">A sentence about the whole plan.</param>
/// <param name="WeeklyHoursPlanned">Mean planned hours per week over the returned weeks, all courses together.</param>
/// <param name="DeclaredWeeklyHours">Weekly hours the declared windows add up to.</param>
/// <param name="Sessions">Sessions of the returned weeks, in time order, never overlapping.</param>
/// <param name="Courses">One outlook per course of the request, ordered by course id.</param>
internal sealed record LearnerSchedule(
    string Explanation,
    double WeeklyHoursPlanned,
    double DeclaredWeeklyHours,
    IReadOnlyList<ScheduledSession> Sessions,
    IReadOnlyList<CourseOutlook> Courses);
