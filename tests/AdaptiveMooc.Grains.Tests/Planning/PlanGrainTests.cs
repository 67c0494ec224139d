using AdaptiveMooc.Grains.Abstractions.Courses;
using AdaptiveMooc.Grains.Abstractions.Learners;
using AdaptiveMooc.Grains.Abstractions.Planning;
using AdaptiveMooc.Grains.Abstractions.Statements;
using AdaptiveMooc.Grains.Abstractions.Webinars;

namespace AdaptiveMooc.Grains.Tests.Planning;

[Collection(PlanningClusterCollection.Name)]
public sealed class PlanGrainTests(PlanningClusterFixture fixture)
{
    [Fact]
    public async Task Plan_places_required_lessons_in_order_into_the_learners_windows_and_is_stable()
    {
        var (learnerId, courseId) = await Enrolled();
        var grain = fixture.Client.GetGrain<IPlanGrain>(IPlanGrain.KeyOf(learnerId, courseId));

        var plan = (await grain.GetPlan(4))!;
        var again = (await grain.GetPlan(4))!;

        Assert.NotEmpty(plan.Sessions);
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        Assert.All(plan.Sessions, s =>
        {
            var local = TimeZoneInfo.ConvertTime(s.Start, paris);
            Assert.Equal(DayOfWeek.Monday, local.DayOfWeek);
            Assert.InRange(local.TimeOfDay, TimeSpan.FromHours(19), TimeSpan.FromHours(21));
            Assert.True(s.Start >= DateTimeOffset.UtcNow.AddMinutes(-1));
        });
        // l3 is optional; l2 needs l1; 25 + 10 minutes (split when an evening is already under way).
        Assert.Equal(["l1", "l2"], plan.Sessions.SelectMany(s => s.LessonIds).Distinct());
        Assert.Equal(35, plan.Sessions.Sum(s => (s.End - s.Start).TotalMinutes));
        Assert.Equal(0, plan.ProgressVersion);
        Assert.Equal(plan.PlannedAt, again.PlannedAt);
        Assert.Equal(plan.Sessions, again.Sessions, (a, b) => a.Start == b.Start && a.End == b.End && a.LessonIds.SequenceEqual(b.LessonIds));
    }

    [Fact]
    public async Task A_new_statement_recomputes_the_plan_without_the_finished_lesson()
    {
        var (learnerId, courseId) = await Enrolled();
        var grain = fixture.Client.GetGrain<IPlanGrain>(IPlanGrain.KeyOf(learnerId, courseId));
        var before = (await grain.GetPlan(4))!;

        await fixture.Client.GetGrain<IStatementIngestGrain>(0).Ingest(
            [TestData.Statement(learnerId, courseId, "l1", "completed", DateTimeOffset.UtcNow.AddMinutes(-5))]);
        var after = (await grain.GetPlan(4))!;

        Assert.Equal(1, after.ProgressVersion);
        Assert.True(after.PlannedAt >= before.PlannedAt);
        Assert.Equal(["l2"], after.Sessions.SelectMany(s => s.LessonIds).Distinct());
    }

    [Fact]
    public async Task No_plan_for_a_learner_without_enrolment_or_an_unknown_learner()
    {
        var (learnerId, _) = await Enrolled();

        Assert.Null(await fixture.Client.GetGrain<IPlanGrain>(IPlanGrain.KeyOf(learnerId, "no-such-course")).GetPlan(4));
        Assert.Null(await fixture.Client.GetGrain<IPlanGrain>(IPlanGrain.KeyOf("nobody-" + Guid.NewGuid().ToString("N")[..8], "x")).GetPlan(4));
    }

    [Fact]
    public async Task Empty_availability_gives_an_explained_plan_not_an_error()
    {
        var (learnerId, courseId) = await Enrolled();
        await fixture.Client.GetGrain<ILearnerGrain>(learnerId).UpdateAvailability(null, []);

        var plan = (await fixture.Client.GetGrain<IPlanGrain>(IPlanGrain.KeyOf(learnerId, courseId)).GetPlan(4))!;

        Assert.False(plan.OnTrack);
        Assert.Empty(plan.Sessions);
        Assert.StartsWith("No weekly availability declared", plan.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sessions_leave_a_registered_webinar_free_and_a_registration_replans()
    {
        var (learnerId, courseId) = await Enrolled();
        var grain = fixture.Client.GetGrain<IPlanGrain>(IPlanGrain.KeyOf(learnerId, courseId));
        var before = (await grain.GetPlan(4))!;
        var first = before.Sessions[0];

        // A webinar over the first planned session, in another course: the learner cannot be in both.
        var webinar = fixture.Client.GetGrain<IWebinarGrain>(WebinarKeys.Webinar(TestData.NewId("other"), Guid.NewGuid()));
        var start = first.Start.AddMinutes(-5);
        var scheduled = await webinar.ScheduleAsync(new WebinarDefinition("Live Q&A", start, 60, 30, new Uri("https://example.org/live"), "trainer-1"));
        Assert.True(scheduled.IsOk);
        Assert.True((await webinar.RegisterAsync(learnerId)).IsOk);
        var after = (await grain.GetPlan(4))!;

        Assert.NotEqual(before.Sessions[0].Start, after.Sessions[0].Start);
        Assert.All(after.Sessions, s => Assert.True(s.End <= start || s.Start >= start.AddMinutes(60), $"{s.Start}-{s.End} overlaps the webinar"));
        Assert.Equal(before.Sessions.Sum(s => (s.End - s.Start).TotalMinutes), after.Sessions.Sum(s => (s.End - s.Start).TotalMinutes));
        Assert.Equal(["l1", "l2"], after.Sessions.SelectMany(s => s.LessonIds).Distinct());
    }

    private Task<(string LearnerId, string CourseId)> Enrolled() => TestData.Enrolled(fixture.Client, DateTimeOffset.UtcNow);
}
