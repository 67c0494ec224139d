using AdaptiveMooc.ML.Events;
using AdaptiveMooc.ML.Pacing;

namespace AdaptiveMooc.ML.Risk;

/// <summary>
/// Feeds a learner's time-ordered events through the online states and takes snapshots at given
/// days: a snapshot at day c sees exactly the events dated before c, as serving would.
/// </summary>
public static class LearnerReplay
{
    /// <summary>
    /// Calls <paramref name="snapshot"/> once per entry of <paramref name="days"/> (ascending) with
    /// the states holding every event dated strictly before that day. <paramref name="weeklyStudyHours"/>
    /// is what the learner declared at enrolment (<see cref="EngagementState.WeeklyStudyHours"/>).
    /// </summary>
    public static void Run(
        IReadOnlyList<LearningEvent> events,
        CourseSchedule schedule,
        int? enrolledDay,
        IReadOnlyList<int> days,
        Action<int, EngagementState, LearnerPacingState> snapshot,
        double? weeklyStudyHours = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(snapshot);
        var engagement = new EngagementState { EnrolledDay = enrolledDay, WeeklyStudyHours = weeklyStudyHours };
        var pacing = new LearnerPacingState();
        var next = 0;
        for (var k = 0; k < days.Count; k++)
        {
            while (next < events.Count && schedule.DayOf(events[next].Timestamp) < days[k])
            {
                engagement.Apply(events[next], schedule);
                pacing.Apply(events[next], schedule);
                next++;
            }

            snapshot(k, engagement, pacing);
        }
    }
}
