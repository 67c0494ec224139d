namespace AdaptiveMooc.Tools.Import;

/// <summary>
/// One thing that happens in a presentation at course instant <see cref="At"/>: a learner's enrolment
/// or withdrawal (<see cref="Index"/> into <see cref="ImportPlan.Learners"/>) or a statement (into
/// <see cref="ImportPlan.Statements"/>).
/// </summary>
internal readonly record struct TimelineEvent(DateTimeOffset At, TimelineKind Kind, int Index)
{
    /// <summary>Every event of the plan in the order it happens; the same files always give the same order.</summary>
    public static TimelineEvent[] Of(ImportPlan plan, ImportCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(calendar);
        var events = new List<TimelineEvent>(plan.Statements.Length + (plan.Learners.Count * 2));
        for (var i = 0; i < plan.Learners.Count; i++)
        {
            var learner = plan.Learners[i];
            events.Add(new TimelineEvent(calendar.Enrolment(learner.EnrolledDay), TimelineKind.Enrolment, i));
            if (learner.WithdrawnDay is { } withdrawn)
            {
                events.Add(new TimelineEvent(calendar.Withdrawal(withdrawn), TimelineKind.Withdrawal, i));
            }
        }

        for (var i = 0; i < plan.Statements.Length; i++)
        {
            events.Add(new TimelineEvent(calendar.Of(plan.Statements[i]), TimelineKind.Statement, i));
        }

        events.Sort(static (a, b) =>
            a.At != b.At ? a.At.CompareTo(b.At)
            : a.Kind != b.Kind ? a.Kind.CompareTo(b.Kind)
            : a.Index.CompareTo(b.Index));
        return [.. events];
    }
}
