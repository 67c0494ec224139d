namespace AdaptiveMooc.Grains.Planning;

/// <summary>What the learner plan projects for one course.</summary>
/// <param name="CourseId">The course.</param>
/// <param name="OnTrack">Projected completion meets the target date and every due date ahead.</param>
/// <param name="ProjectedCompletion">When the course's last remaining lesson would be finished; null when never (or beyond 5 years).</param>
/// <param name="WeeklyHoursNeeded">Weekly hours that meet the course's dates (without dates: the pace the plan keeps).</param>
/// <param name="WeeklyHoursPlanned">Hours per week the returned sessions give the course.</param>
/// <param name="Ask">The weekly hours the course asks for by what is at stake (its weight in the allocation).</param>
/// <param name="Explanation">Why the course got the time it got, for the learner.</param>
/// <param name="LateLessonIds">Lessons projected after their due instant (or already overdue).</param>
internal sealed record CourseOutlook(
    string CourseId,
    bool OnTrack,
    DateTimeOffset? ProjectedCompletion,
    double WeeklyHoursNeeded,
    double WeeklyHoursPlanned,
    double Ask,
    string Explanation,
    IReadOnlyList<string> LateLessonIds)
{
    /// <summary>The explanation's status sentence (on track or not, and why), which does not depend on the weeks shown.</summary>
    public string Status { get; init; } = string.Empty;

    /// <summary>What is at stake for the course (dates, risk, reviews, webinars), which does not depend on the weeks shown.</summary>
    public string Stakes { get; init; } = string.Empty;

    /// <summary>Local date of the course's first session in the projection, if any.</summary>
    public DateOnly? FirstSession { get; init; }
}
