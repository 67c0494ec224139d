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
        var plan = Plan((Now.AddMinutes(20), Now.AddMinutes(80)), (Now.AddDays(7), Now.AddDays(7).AddHours(1)));

        var first = PlanNotifications.Due("c1", plan, Now.AddHours(-1), Profile, [Enrolment(Now.AddDays(-10))], Now).ToList();
        var later = PlanNotifications.Due("c1", plan, Now.AddHours(-1), Profile, [Enrolment(Now.AddDays(-10))], Now.AddMinutes(15)).ToList();

        var reminder = Assert.Single(first);
        Assert.Equal("session-reminder", reminder.Kind);
        Assert.Equal(Now.AddMinutes(20), reminder.SessionStart);
        Assert.Equal(reminder.Id, Assert.Single(later).Id);
    }

    [Fact]
    public void A_session_that_ended_without_activity_is_reported_missed()
    {
        var plan = Plan((Now.AddDays(-7), Now.AddDays(-7).AddHours(1)), (Now.AddDays(7), Now.AddDays(7).AddHours(1)));

        var missed = PlanNotifications.Due("c1", plan, Now.AddDays(-8), Profile, [Enrolment(Now.AddDays(-10))], Now).ToList();
        var done = PlanNotifications.Due("c1", plan, Now.AddDays(-7).AddMinutes(30), Profile, [Enrolment(Now.AddDays(-10))], Now).ToList();

        Assert.Contains(missed, n => n.Kind == "missed-session" && n.SessionStart == Now.AddDays(-7));
        Assert.DoesNotContain(done, n => n.Kind == "missed-session");
    }

    [Fact]
    public void Inactivity_beyond_the_declared_rhythm_is_reported_once_a_day()
    {
        var plan = Plan((Now.AddDays(7), Now.AddDays(7).AddHours(1)));

        // One study day a week allows 14 days without activity.
        Assert.Empty(PlanNotifications.Due("c1", plan, Now.AddDays(-13), Profile, [Enrolment(Now.AddDays(-60))], Now));
        var inactive = Assert.Single(PlanNotifications.Due("c1", plan, Now.AddDays(-15), Profile, [Enrolment(Now.AddDays(-60))], Now));
        Assert.Equal("inactive", inactive.Kind);
        Assert.Equal("inactive:c1:2026-05-18", inactive.Id);
        Assert.Empty(PlanNotifications.Due("c1", plan, Now.AddDays(-15), Profile, [Enrolment(Now.AddDays(-60)) with { WithdrawnAt = Now.AddDays(-1) }], Now));
    }

    private static LearningPlan Plan(params (DateTimeOffset Start, DateTimeOffset End)[] sessions) =>
        new(true, null, 1, "On track", [.. sessions.Select(s => new PlanSession(s.Start, s.End, ["l1"]))], 0, Now.AddDays(-8));

    private static Enrolment Enrolment(DateTimeOffset at) => new("c1", at, null, null, null, null);
}
