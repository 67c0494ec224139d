using AdaptiveMooc.Grains.Abstractions.Webinars;
using AdaptiveMooc.Grains.Tests.Forums;

namespace AdaptiveMooc.Grains.Tests.Webinars;

[Collection(SocialClusterCollection.Name)]
public sealed class WebinarGrainTests(SocialClusterFixture fixture)
{
    internal static WebinarDefinition Definition(int capacity, DateTimeOffset? start = null, int minutes = 60) =>
        new("Live Q&A", start ?? DateTimeOffset.UtcNow.AddDays(2), minutes, capacity, new Uri("https://meet.example.org/abc"), "trainer-1");

    internal static async Task<(IWebinarGrain Grain, string CourseId, Guid WebinarId)> ScheduleAsync(IGrainFactory grains, WebinarDefinition definition)
    {
        var courseId = "c-" + Guid.NewGuid().ToString("N")[..12];
        var webinarId = Guid.NewGuid();
        var grain = grains.GetGrain<IWebinarGrain>(WebinarKeys.Webinar(courseId, webinarId));
        Assert.True((await grain.ScheduleAsync(definition)).IsOk);
        return (grain, courseId, webinarId);
    }

    /// <summary>100 learners register at once for 30 seats: exactly 30 get one, the rest hear "full".</summary>
    internal static async Task Hundred_registrations_for_thirty_seats(IGrainFactory grains)
    {
        var (grain, _, webinarId) = await ScheduleAsync(grains, Definition(capacity: 30));
        var learners = Enumerable.Range(0, 100).Select(i => $"learner-{i}").ToList();
        var results = await Task.WhenAll(learners.Select(l => grain.RegisterAsync(l)));

        Assert.Equal(30, results.Count(r => r.Outcome == WebinarOutcome.Ok));
        Assert.Equal(70, results.Count(r => r.Outcome == WebinarOutcome.Full));
        Assert.Equal(30, (await grain.GetAsync())!.Registered);
        var registered = 0;
        foreach (var learner in learners)
        {
            registered += await grain.IsRegisteredAsync(learner) ? 1 : 0;
        }

        Assert.Equal(30, registered);
        var directory = grains.GetGrain<IWebinarDirectoryGrain>(0);
        var listed = 0;
        foreach (var learner in learners)
        {
            listed += (await directory.ListForLearnerAsync(learner, null, null, 50)).Items.Count(w => w.WebinarId == webinarId);
        }

        Assert.Equal(30, listed);
    }

    /// <summary>The trainer's list: every registration oldest first, attendance where recorded; none for an unknown webinar.</summary>
    internal static async Task Registrations_list_who_registered_and_who_attended(IGrainFactory grains)
    {
        var (grain, courseId, _) = await ScheduleAsync(grains, Definition(capacity: 5, start: DateTimeOffset.UtcNow.AddMinutes(30)));
        foreach (var learner in new[] { "cat", "ann", "bob" })
        {
            Assert.Equal(WebinarOutcome.Ok, (await grain.RegisterAsync(learner)).Outcome);
        }

        var rows = (await grain.ListRegistrationsAsync())!;
        Assert.Equal(["cat", "ann", "bob"], rows.Select(r => r.LearnerId));
        Assert.All(rows, r => Assert.Null(r.AttendedAt));
        Assert.True(rows[0].RegisteredAt <= rows[1].RegisteredAt && rows[1].RegisteredAt <= rows[2].RegisteredAt);

        var (started, _, _) = await ScheduleAsync(grains, Definition(capacity: 5, start: DateTimeOffset.UtcNow.AddMinutes(-5)));
        Assert.Equal(WebinarOutcome.Ok, (await started.RegisterAsync("ann")).Outcome);
        Assert.Equal(WebinarOutcome.Ok, (await started.RegisterAsync("bob")).Outcome);
        Assert.Equal(WebinarOutcome.Ok, (await started.RecordAttendanceAsync("bob")).Outcome);
        var attended = await started.ListRegistrationsAsync();
        Assert.Null(Assert.Single(attended!, r => r.LearnerId == "ann").AttendedAt);
        Assert.NotNull(Assert.Single(attended!, r => r.LearnerId == "bob").AttendedAt);

        Assert.Null(await grains.GetGrain<IWebinarGrain>(WebinarKeys.Webinar(courseId, Guid.NewGuid())).ListRegistrationsAsync());
    }

    [Fact]
    public Task Capacity_is_exact_under_concurrency() => Hundred_registrations_for_thirty_seats(fixture.Grains);

    [Fact]
    public Task Registrations_are_listed_with_attendance() => Registrations_list_who_registered_and_who_attended(fixture.Grains);

    [Fact]
    public async Task Registering_twice_or_after_the_end_is_refused()
    {
        var (grain, _, _) = await ScheduleAsync(fixture.Grains, Definition(capacity: 1));
        Assert.Equal(WebinarOutcome.Ok, (await grain.RegisterAsync("ann")).Outcome);
        Assert.Equal(WebinarOutcome.AlreadyRegistered, (await grain.RegisterAsync("ann")).Outcome);
        Assert.Equal(WebinarOutcome.Full, (await grain.RegisterAsync("bob")).Outcome);
        Assert.Equal(1, (await grain.GetAsync())!.Registered);

        var (past, _, _) = await ScheduleAsync(fixture.Grains, Definition(capacity: 5, start: DateTimeOffset.UtcNow.AddHours(-3)));
        Assert.Equal(WebinarOutcome.Ended, (await past.RegisterAsync("ann")).Outcome);

        var unknown = fixture.Grains.GetGrain<IWebinarGrain>(WebinarKeys.Webinar("c-x", Guid.NewGuid()));
        Assert.Equal(WebinarOutcome.NotFound, (await unknown.RegisterAsync("ann")).Outcome);
        Assert.Equal(WebinarOutcome.AlreadyExists, (await grain.ScheduleAsync(Definition(capacity: 9))).Outcome);
    }

    [Fact]
    public async Task Attendance_of_a_registered_learner_is_one_attended_statement()
    {
        var (grain, courseId, webinarId) = await ScheduleAsync(fixture.Grains, Definition(capacity: 5, start: DateTimeOffset.UtcNow.AddMinutes(-10)));
        Assert.Equal(WebinarOutcome.Ok, (await grain.RegisterAsync("ann")).Outcome);
        Assert.Equal(WebinarOutcome.NotRegistered, (await grain.RecordAttendanceAsync("bob")).Outcome);
        Assert.Equal(WebinarOutcome.Ok, (await grain.RecordAttendanceAsync("ann")).Outcome);
        Assert.Equal(WebinarOutcome.Ok, (await grain.RecordAttendanceAsync("ann")).Outcome);

        var statements = fixture.Statements.Emitted.Where(s => s.CourseId == courseId).ToList();
        Assert.Equal(2, statements.Count);
        Assert.Single(statements.Select(s => s.Id).Distinct());
        Assert.All(statements, s =>
        {
            Assert.Equal("http://adlnet.gov/expapi/verbs/attended", s.Verb);
            Assert.Equal($"courses/{courseId}/webinars/{webinarId:D}", s.ActivityPath);
            Assert.Equal("ann", s.LearnerId);
        });

        var (future, _, _) = await ScheduleAsync(fixture.Grains, Definition(capacity: 5));
        await future.RegisterAsync("ann");
        Assert.Equal(WebinarOutcome.NotStarted, (await future.RecordAttendanceAsync("ann")).Outcome);
    }

    [Fact]
    public async Task Course_listing_pages_in_start_order()
    {
        var courseId = "c-" + Guid.NewGuid().ToString("N")[..12];
        var start = DateTimeOffset.UtcNow.AddDays(1);
        for (var i = 4; i >= 0; i--)
        {
            var grain = fixture.Grains.GetGrain<IWebinarGrain>(WebinarKeys.Webinar(courseId, Guid.NewGuid()));
            await grain.ScheduleAsync(Definition(10, start.AddHours(i)) with { Title = $"w{i}" });
        }

        var directory = fixture.Grains.GetGrain<IWebinarDirectoryGrain>(0);
        var first = await directory.ListForCourseAsync(courseId, null, 3);
        var second = await directory.ListForCourseAsync(courseId, first.Next, 3);
        Assert.NotNull(first.Next);
        Assert.Null(second.Next);
        Assert.Equal(["w0", "w1", "w2", "w3", "w4"], first.Items.Concat(second.Items).Select(w => w.Title));
    }
}
