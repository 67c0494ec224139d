using AdaptiveMooc.Grains.Abstractions.Learners;
using AdaptiveMooc.Grains.Abstractions.Planning;
using AdaptiveMooc.Grains.Notifications;

namespace AdaptiveMooc.Grains.Tests.Notifications;

public sealed class PlanNotificationsTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 18, 18, 40, 0, TimeSpan.Zero);

    private static readonly LearnerProfile Profile = new(
        "ada", "Ada", "ada@example.org", "UTC", [new AvailabilityWindow(DayOfWeek.Monday, new TimeOnly(19, 0), new TimeOnly(21, 0))], Now.AddDays(-30));

    [Fact]
    public void A_session_starting_within_the_lead_gets_one_reminder_with_a_stable_id()
    {
        var sessions = new[] { Session(Now.AddMinutes(20), Now.AddMinutes(80)), Session(Now.AddDays(7), Now.AddDays(7).AddHours(1)) };

        var first = PlanNotifications.Reminders(sessions, Now).ToList();
        var later = PlanNotifications.Reminders(sessions, Now.AddMinutes(15)).ToList();

        var reminder = Assert.Single(first);
        Assert.Equal("session-reminder", reminder.Kind);
        Assert.Equal(Now.AddMinutes(20), reminder.SessionStart);
        Assert.Equal(reminder.Id, Assert.Single(later).Id);
        Assert.Empty(PlanNotifications.Reminders([sessions[0] with { Status = LearnerPlanSession.Missed }], Now));
    }

    [Fact]
    public void A_missed_session_is_named_by_its_course_and_start()
    {
        var missed = PlanNotifications.Missed(Session(Now.AddDays(-7), Now.AddDays(-7).AddHours(1)), Now);

        Assert.Equal("missed-session", missed.Kind);
        Assert.Equal($"missed-session:c1:{Now.AddDays(-7).UtcTicks}", missed.Id);
        Assert.Equal(Now.AddDays(-7), missed.SessionStart);
    }

    [Fact]
    public void Inactivity_beyond_the_declared_rhythm_is_reported_once_a_day()
    {
        // One study day a week allows 14 days without activity.
        Assert.Null(PlanNotifications.Inactive(Enrolment(Now.AddDays(-60)), Now.AddDays(-13), Profile, Now));
        var inactive = PlanNotifications.Inactive(Enrolment(Now.AddDays(-60)), Now.AddDays(-15), Profile, Now)!;
        Assert.Equal("inactive", inactive.Kind);
        Assert.Equal("inactive:c1:2026-05-18", inactive.Id);
        Assert.Equal(inactive.Id, PlanNotifications.Inactive(Enrolment(Now.AddDays(-60)), Now.AddDays(-15), Profile, Now.AddHours(3))!.Id);
        Assert.Null(PlanNotifications.Inactive(Enrolment(Now.AddDays(-60)) with { WithdrawnAt = Now.AddDays(-1) }, Now.AddDays(-15), Profile, Now));
        // Counted from the enrolment when the learner never studied.
        Assert.Null(PlanNotifications.Inactive(Enrolment(Now.AddDays(-10)), null, Profile, Now));
    }

    private static LearnerPlanSession Session(DateTimeOffset start, DateTimeOffset end) =>
        new(Guid.NewGuid().ToString("D"), start, end, "c1", ["l1"], LearnerPlanSession.Planned);

    private static Enrolment Enrolment(DateTimeOffset at) => new("c1", at, null, null, null, null);
}
