using AdaptiveMooc.Grains.Abstractions.Courses;
using AdaptiveMooc.Grains.Abstractions.Learners;
using AdaptiveMooc.Grains.Abstractions.Notifications;
using AdaptiveMooc.Grains.Abstractions.Planning;
using AdaptiveMooc.Grains.Abstractions.Statements;
using AdaptiveMooc.Grains.Abstractions.Webhooks;

namespace AdaptiveMooc.Grains.Tests.Planning;

/// <summary>
/// The learner plan on a manual clock, watched by its reminder. The tests run one after another in this
/// collection and only move the clock forward; each learner's windows are placed relative to the clock.
/// </summary>
[Collection(LearnerPlanClusterCollection.Name)]
public sealed class LearnerPlanGrainTests(LearnerPlanClusterFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_session_that_passes_unattended_is_marked_missed_replanned_and_notified_without_any_request()
    {
        var owner = "key:" + TestData.NewId("k");
        var webhook = (await fixture.Client.GetGrain<IWebhookRegistryGrain>(owner)
            .CreateAsync(new Uri("https://receiver.invalid/missed"), [WebhookEventTypes.MissedSession]))!;
        var hub = fixture.Client.GetGrain<IWebhookHubGrain>(0);
        var (learnerId, courseId, window) = await Enrolled(TimeSpan.FromHours(2));

        var planned = (await fixture.Client.GetGrain<ILearnerPlanGrain>(learnerId).GetPlan(4))!;
        var session = Assert.Single(planned.Sessions, s => s.Start == window.Start);
        Assert.Equal(LearnerPlanSession.Planned, session.Status);

        // From here nobody asks for the plan: the reminder sees the session end without activity.
        fixture.Clock.Advance(window.End - fixture.Clock.GetUtcNow() + TimeSpan.FromMinutes(5));
        var missed = await Eventually(learnerId, n => n.Kind == "missed-session" && n.CourseId == courseId);

        var queued = (await hub.GetAsync(owner, webhook.Webhook.Id))!;
        Assert.True(queued.Pending + queued.Delivered + queued.DeadLettered >= 1);
        Assert.Equal(session.Start, missed.SessionStart);

        // The replan happened when the reminder saw the miss: a later request finds that plan, not a new one.
        var replannedAt = fixture.Clock.GetUtcNow();
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        await Task.Delay(LearnerPlanClusterFixture.WatchPeriod * 3);
        var plan = (await fixture.Client.GetGrain<ILearnerPlanGrain>(learnerId).GetPlan(4))!;
        Assert.Equal(replannedAt, plan.PlannedAt);
        var missedSession = Assert.Single(plan.Sessions, s => s.Status == LearnerPlanSession.Missed);
        Assert.Equal(session.Start, missedSession.Start);
        Assert.Equal(session.Id, missedSession.Id);
        Assert.Equal(["l1", "l2"], missedSession.LessonIds);
        var next = plan.Sessions.Where(s => s.Status == LearnerPlanSession.Planned).ToList();
        Assert.NotEmpty(next);
        Assert.All(next, s => Assert.True(s.Start >= replannedAt));
        Assert.Equal(["l1", "l2"], next.SelectMany(s => s.LessonIds).Distinct());
        Assert.Equal(35, next.Sum(s => (s.End - s.Start).TotalMinutes));
    }

    [Fact]
    public async Task A_learner_who_stays_away_gets_the_inactive_nudge_on_schedule()
    {
        var (learnerId, courseId, window) = await Enrolled(TimeSpan.FromHours(3));

        // Nobody asks for the plan: the enrolment planned it and started the watch (a one-way call, given
        // a few ticks to land before the clock jumps).
        await Task.Delay(LearnerPlanClusterFixture.WatchPeriod * 3);

        // One study day a week allows 14 days away; the 15th day brings the nudge.
        fixture.Clock.Advance(TimeSpan.FromDays(15));
        var nudge = await Eventually(learnerId, n => n.Kind == "inactive" && n.CourseId == courseId);

        Assert.Contains("No study for 15 days", nudge.Message, StringComparison.Ordinal);
        var missed = await Eventually(learnerId, n => n.Kind == "missed-session");
        Assert.Equal(window.Start, missed.SessionStart);
    }

    [Fact]
    public async Task Completing_a_lesson_early_moves_the_next_sessions_forward_and_keeps_their_ids()
    {
        var (learnerId, courseId, window) = await Enrolled(TimeSpan.FromHours(4));
        var grain = fixture.Client.GetGrain<ILearnerPlanGrain>(learnerId);
        var before = (await grain.GetPlan(4))!;
        var first = Assert.Single(before.Sessions, s => s.Start == window.Start);
        Assert.Equal(["l1", "l2"], first.LessonIds);

        await fixture.Client.GetGrain<IStatementIngestGrain>(0).Ingest(
            [TestData.Statement(learnerId, courseId, "l1", "completed", fixture.Clock.GetUtcNow())]);
        var after = (await grain.GetPlan(4))!;

        var moved = Assert.Single(after.Sessions, s => s.Status == LearnerPlanSession.Planned);
        Assert.Equal(first.Id, moved.Id);
        Assert.Equal(window.Start, moved.Start);
        Assert.Equal(["l2"], moved.LessonIds);
        Assert.Equal(10, (moved.End - moved.Start).TotalMinutes);
        Assert.Equal(1, after.Courses.Single().ProgressVersion);

        // Studied during the session: once it ends it is done, not missed.
        fixture.Clock.Advance(moved.Start - fixture.Clock.GetUtcNow() + TimeSpan.FromMinutes(2));
        await fixture.Client.GetGrain<IStatementIngestGrain>(0).Ingest(
            [TestData.Statement(learnerId, courseId, "l2", "attempted", fixture.Clock.GetUtcNow())]);
        fixture.Clock.Advance(moved.End - fixture.Clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        await Task.Delay(LearnerPlanClusterFixture.WatchPeriod * 3);
        var done = Assert.Single((await grain.GetPlan(4))!.Sessions, s => s.Id == moved.Id);
        Assert.Equal(LearnerPlanSession.Done, done.Status);
        Assert.DoesNotContain(await fixture.Client.GetGrain<INotificationInboxGrain>(learnerId).List(200, null), n => n.Kind == "missed-session");
    }

    [Fact]
    public async Task A_change_of_availability_replans_at_once_and_a_what_if_saves_nothing()
    {
        var (learnerId, _, window) = await Enrolled(TimeSpan.FromHours(5));
        var grain = fixture.Client.GetGrain<ILearnerPlanGrain>(learnerId);
        var before = (await grain.GetPlan(4))!;

        var later = new AvailabilityWindow(window.Day, window.LocalStart.AddHours(1), window.LocalEnd.AddHours(1));
        var whatIf = (await grain.WhatIf(new PlanWhatIf([later], null, null), 4))!;
        Assert.Equal(window.Start.AddHours(1), whatIf.Sessions[0].Start);
        var unchanged = (await grain.GetPlan(4))!;
        Assert.Equal(before.PlannedAt, unchanged.PlannedAt);
        Assert.Equal(before.Sessions[0].Start, unchanged.Sessions[0].Start);

        await fixture.Client.GetGrain<ILearnerGrain>(learnerId).UpdateAvailability("UTC", [later]);
        var replanned = await EventuallyPlan(grain, p => p.Sessions.Count > 0 && p.Sessions[0].Start == window.Start.AddHours(1));
        Assert.Equal(before.Sessions[0].Id, replanned.Sessions[0].Id);
    }

    [Fact]
    public async Task A_change_of_target_date_or_enrolment_replans_without_waiting_for_a_request()
    {
        var (learnerId, courseId, window) = await Enrolled(TimeSpan.FromHours(6));
        var learner = fixture.Client.GetGrain<ILearnerGrain>(learnerId);
        var grain = fixture.Client.GetGrain<ILearnerPlanGrain>(learnerId);
        Assert.DoesNotContain("target date", (await grain.GetPlan(4))!.Courses.Single().Explanation, StringComparison.Ordinal);

        var target = DateOnly.FromDateTime(fixture.Clock.GetUtcNow().UtcDateTime).AddDays(30);
        Assert.True((await learner.SetTargetDate(courseId, target)).Succeeded);
        var second = TestData.NewId("course");
        await TestData.PublishedCourse(fixture.Client, second);
        Assert.True((await learner.Enroll(new EnrolmentRequest(second, null, null, fixture.Clock.GetUtcNow()))).Succeeded);
        var changedAt = fixture.Clock.GetUtcNow();
        await Task.Delay(LearnerPlanClusterFixture.WatchPeriod * 3);

        // Planned when the changes were made, not when asked a minute later.
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        var plan = (await grain.GetPlan(4))!;
        Assert.Equal(changedAt, plan.PlannedAt);
        Assert.Contains($"target date {target:yyyy-MM-dd}", plan.Courses.Single(c => c.CourseId == courseId).Explanation, StringComparison.Ordinal);
        Assert.Equal(new[] { courseId, second }.Order(StringComparer.Ordinal), plan.Courses.Select(c => c.CourseId));
        var sessions = plan.Sessions.Where(s => s.Status == LearnerPlanSession.Planned).ToList();
        Assert.Equal(2, sessions.Select(s => s.CourseId).Distinct().Count());
        Assert.All(sessions.Zip(sessions.Skip(1)), p => Assert.True(p.First.End <= p.Second.Start));
        Assert.Equal(window.Start, sessions[0].Start);

        Assert.True((await learner.Withdraw(courseId, fixture.Clock.GetUtcNow(), null)).Succeeded);
        var withdrawnAt = fixture.Clock.GetUtcNow();
        await Task.Delay(LearnerPlanClusterFixture.WatchPeriod * 3);
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        var after = (await grain.GetPlan(4))!;
        Assert.Equal(withdrawnAt, after.PlannedAt);
        Assert.Equal([second], after.Courses.Select(c => c.CourseId));
        Assert.All(after.Sessions, s => Assert.Equal(second, s.CourseId));
    }

    /// <summary>A new learner in UTC whose only window (on the clock's weekday) starts <paramref name="ahead"/> from now, enrolled now.</summary>
    private async Task<(string LearnerId, string CourseId, Window Window)> Enrolled(TimeSpan ahead)
    {
        var now = fixture.Clock.GetUtcNow();
        if (now.TimeOfDay + ahead + TimeSpan.FromHours(3) > TimeSpan.FromDays(1))
        {
            // The window (and a later one tried in a what-if) must stay on the same day: start a new day.
            fixture.Clock.Advance(now.UtcDateTime.Date.AddDays(1).AddHours(1) - now.UtcDateTime);
            now = fixture.Clock.GetUtcNow();
        }

        var start = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero) + ahead;
        var window = new Window(start.DayOfWeek, TimeOnly.FromDateTime(start.UtcDateTime), TimeOnly.FromDateTime(start.UtcDateTime).AddHours(1), start, start.AddHours(1));
        var courseId = TestData.NewId("course");
        await TestData.PublishedCourse(fixture.Client, courseId);
        var learnerId = TestData.NewId("learner");
        var learner = fixture.Client.GetGrain<ILearnerGrain>(learnerId);
        await learner.Register(TestData.Learner(learnerId) with
        {
            TimeZone = "UTC",
            WeeklyAvailability = [new AvailabilityWindow(window.Day, window.LocalStart, window.LocalEnd)],
        });
        Assert.True((await learner.Enroll(new EnrolmentRequest(courseId, null, null, now))).Succeeded);
        return (learnerId, courseId, window);
    }

    private async Task<LearnerNotification> Eventually(string learnerId, Func<LearnerNotification, bool> match)
    {
        var inbox = fixture.Client.GetGrain<INotificationInboxGrain>(learnerId);
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            if ((await inbox.List(INotificationInboxGrain.Capacity, null)).FirstOrDefault(match) is { } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, "no such notification within " + Patience);
            await Task.Delay(200);
        }
    }

    private static async Task<LearnerPlan> EventuallyPlan(ILearnerPlanGrain grain, Func<LearnerPlan, bool> match)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var plan = (await grain.GetPlan(4))!;
            if (match(plan))
            {
                return plan;
            }

            Assert.True(DateTime.UtcNow < deadline, "the plan did not change within " + Patience);
            await Task.Delay(200);
        }
    }

    private sealed record Window(DayOfWeek Day, TimeOnly LocalStart, TimeOnly LocalEnd, DateTimeOffset Start, DateTimeOffset End);
}
