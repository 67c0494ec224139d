using System.Globalization;
using AdaptiveMooc.Grains.Abstractions.Learners;
using AdaptiveMooc.Grains.Abstractions.Notifications;
using AdaptiveMooc.Grains.Abstractions.Planning;

namespace AdaptiveMooc.Grains.Notifications;

/// <summary>
/// The notifications a learner plan raises: a reminder before each session, a missed session, inactivity.
/// Ids are stable (course and session start, or course and day), so a repeat is dropped by the inbox.
/// </summary>
internal static class PlanNotifications
{
    /// <summary>How long before a session its reminder goes out.</summary>
    public static readonly TimeSpan ReminderLead = TimeSpan.FromMinutes(30);

    /// <summary>Reminders of the planned sessions starting within <see cref="ReminderLead"/>.</summary>
    public static IEnumerable<LearnerNotification> Reminders(IEnumerable<LearnerPlanSession> planned, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(planned);
        return planned
            .Where(s => s.Status == LearnerPlanSession.Planned && s.Start > now && s.Start - ReminderLead <= now)
            .Select(s => new LearnerNotification(
                $"session-reminder:{s.CourseId}:{s.Start.UtcTicks}",
                "session-reminder",
                s.CourseId,
                string.Create(CultureInfo.InvariantCulture, $"Your study session starts at {s.Start:HH:mm}: {string.Join(", ", s.LessonIds)}."),
                now,
                s.Start));
    }

    public static LearnerNotification Missed(LearnerPlanSession session, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        return new LearnerNotification(
            $"missed-session:{session.CourseId}:{session.Start.UtcTicks}",
            "missed-session",
            session.CourseId,
            string.Create(CultureInfo.InvariantCulture, $"You missed the session planned at {session.Start:yyyy-MM-dd HH:mm}; your plan has been updated."),
            now,
            session.Start);
    }

    /// <summary>The day's inactivity nudge for an active enrolment, or null while the learner keeps their rhythm.</summary>
    public static LearnerNotification? Inactive(Enrolment enrolment, DateTimeOffset? lastActivity, LearnerProfile profile, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        ArgumentNullException.ThrowIfNull(profile);
        if (!enrolment.Active)
        {
            return null;
        }

        var days = DriftDetector.DaysInactive(lastActivity, enrolment.EnrolledAt, now, DriftDetector.AllowedGap(profile.WeeklyAvailability.Select(w => w.Day)));
        return days <= 0
            ? null
            : new LearnerNotification(
                string.Create(CultureInfo.InvariantCulture, $"inactive:{enrolment.CourseId}:{now:yyyy-MM-dd}"),
                "inactive",
                enrolment.CourseId,
                string.Create(CultureInfo.InvariantCulture, $"No study for {days} days, longer than your weekly rhythm: your next session is in your plan."),
                now,
                null);
    }
}
