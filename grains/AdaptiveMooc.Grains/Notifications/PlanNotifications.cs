using System.Globalization;
using AdaptiveMooc.Grains.Abstractions.Learners;
using AdaptiveMooc.Grains.Abstractions.Notifications;
using AdaptiveMooc.Grains.Abstractions.Planning;

namespace AdaptiveMooc.Grains.Notifications;

/// <summary>What a plan calls for at a given instant: reminders before sessions, missed sessions, inactivity.</summary>
internal static class PlanNotifications
{
    /// <summary>How long before a session its reminder goes out.</summary>
    public static readonly TimeSpan ReminderLead = TimeSpan.FromMinutes(30);

    /// <summary>Notifications the plan calls for at <paramref name="now"/>; ids are stable so a repeat is dropped by the inbox.</summary>
    public static IEnumerable<LearnerNotification> Due(
        string course,
        LearningPlan plan, DateTimeOffset? lastActivity, LearnerProfile? profile, IReadOnlyList<Enrolment> enrolments, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(enrolments);
        foreach (var session in plan.Sessions.Where(s => s.Start > now && s.Start - ReminderLead <= now))
        {
            yield return new LearnerNotification(
                $"session-reminder:{course}:{session.Start.UtcTicks}",
                "session-reminder",
                course,
                string.Create(CultureInfo.InvariantCulture, $"Your study session starts at {session.Start:HH:mm}: {string.Join(", ", session.LessonIds)}."),
                now,
                session.Start);
        }

        foreach (var (start, _) in DriftDetector.MissedSessions(plan.Sessions.Select(s => (s.Start, s.End)), lastActivity, now))
        {
            yield return new LearnerNotification(
                $"missed-session:{course}:{start.UtcTicks}",
                "missed-session",
                course,
                string.Create(CultureInfo.InvariantCulture, $"You missed the session planned at {start:yyyy-MM-dd HH:mm}; your plan has been updated."),
                now,
                start);
        }

        var enrolment = enrolments.FirstOrDefault(e => string.Equals(e.CourseId, course, StringComparison.Ordinal));
        if (profile is not null && enrolment is { Active: true })
        {
            var days = DriftDetector.DaysInactive(lastActivity, enrolment.EnrolledAt, now, DriftDetector.AllowedGap(profile.WeeklyAvailability.Select(w => w.Day)));
            if (days > 0)
            {
                yield return new LearnerNotification(
                    string.Create(CultureInfo.InvariantCulture, $"inactive:{course}:{now:yyyy-MM-dd}"),
                    "inactive",
                    course,
                    string.Create(CultureInfo.InvariantCulture, $"No study for {days} days, longer than your weekly rhythm: your next session is in your plan."),
                    now,
                    null);
            }
        }
    }
}
