using System.Globalization;
using AdaptiveMooc.Tools.Import;

namespace AdaptiveMooc.Tools.Tests;

/// <summary><c>import oulad --today-is-day N</c>: the calendar it places a presentation in, and what it posts at once.</summary>
public sealed class TimeShiftTests : IAsyncLifetime
{
    private OuladFolder? folder;

    private OuladFolder Folder => folder!;

    public async Task InitializeAsync() => folder = await OuladFolder.CreateAsync();

    public Task DisposeAsync()
    {
        folder?.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("2026-12-07T00:00:00Z", 30, "2026-11-07")]
    [InlineData("2026-12-07T23:59:59.9999999Z", 30, "2026-11-07")]
    [InlineData("2026-12-07T12:00:00Z", 0, "2026-12-07")]
    [InlineData("2027-01-01T00:00:00Z", 1, "2026-12-31")]
    [InlineData("2028-03-01T08:00:00Z", 1, "2028-02-29")]
    [InlineData("2026-12-07T12:00:00Z", -3, "2026-12-10")]
    [InlineData("2026-12-07T01:30:00+02:00", 150, "2026-07-09")] // 2026-12-06 in UTC
    public void Today_is_course_day_n_from_the_utc_date_at_every_edge(string now, int n, string startDate)
    {
        var at = DateTimeOffset.Parse(now, CultureInfo.InvariantCulture);

        var calendar = ImportCalendar.Today(at, n);

        Assert.Equal(DateOnly.Parse(startDate, CultureInfo.InvariantCulture), calendar.StartDate);
        Assert.Equal(TimeSpan.Zero, calendar.Start.Offset);
        Assert.Equal(TimeSpan.Zero, calendar.Start.TimeOfDay);
        Assert.Equal(n, calendar.DayOf(at));
        Assert.Equal(n - 1, calendar.DayOf(calendar.Start.AddDays(n).AddTicks(-1)));
        Assert.Equal(n + 1, calendar.DayOf(calendar.Start.AddDays(n + 1)));
    }

    [Fact]
    public async Task Due_days_and_deadlines_move_with_the_start_date()
    {
        var plan = await ImportPlan.BuildAsync(Folder.Directory, OuladFolder.Presentation, CancellationToken.None);
        var original = new ImportCalendar(plan.Presentation);
        var shifted = ImportCalendar.Today(DateTimeOffset.Parse("2026-12-07T15:00:00Z", CultureInfo.InvariantCulture), 25);

        var course = CourseMapper.Build(plan, shifted);

        Assert.Equal("2026-11-12", (string?)course["startDate"]);
        var shift = shifted.StartDate.DayNumber - original.StartDate.DayNumber;
        var dueDays = course["modules"]!.AsArray().SelectMany(m => m!["lessons"]!.AsArray())
            .Where(l => l!["dueDay"] is not null)
            .ToDictionary(l => (string)l!["id"]!, l => (int)l!["dueDay"]!);

        // OULAD deadlines are course days: the same days after the new start; the undated exam is at the end.
        Assert.Equal(new Dictionary<string, int> { ["assessment-501"] = 20, ["assessment-502"] = 40, ["assessment-503"] = 60 }, dueDays);
        Assert.All(dueDays.Values, d => Assert.Equal(shift, shifted.DueDate(d).DayNumber - original.DueDate(d).DayNumber));
        Assert.Equal(new DateOnly(2026, 12, 2), shifted.DueDate(dueDays["assessment-501"]));
        Assert.Equal(shifted.Start.AddDays(19).AddHours(18), shifted.Submission(19));
        Assert.Equal(shifted.Start.AddDays(11).AddSeconds(-1), shifted.Withdrawal(10));
    }

    [Theory]
    [InlineData(19, "17:59:59", false)]
    [InlineData(19, "18:00:00", true)]
    [InlineData(5, "11:59:59", false)]
    [InlineData(5, "12:00:00", true)]
    public async Task Nothing_after_now_on_course_day_n_is_posted(int n, string timeOfDay, bool lastOfTheDayPosted)
    {
        var plan = await ImportPlan.BuildAsync(Folder.Directory, OuladFolder.Presentation, CancellationToken.None);
        var now = new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero).Add(TimeSpan.Parse(timeOfDay, CultureInfo.InvariantCulture));
        var calendar = ImportCalendar.Today(now, n);
        var time = new ManualTime(now);
        var target = new RecordingTarget(time, new StatementWriter(plan.Presentation, "http://platform.test", calendar));
        var state = new ReplayState(plan.Presentation.Key, plan.Presentation.CourseId, calendar.Start, new ReplayClock([]).At(now, 1).Segments, 0);
        var replayer = new Replayer(plan, state, target, (_, _) => Task.CompletedTask, time, time.Sleep, batchSize: 3, concurrency: 2, TextWriter.Null);

        await replayer.CatchUpAsync(CancellationToken.None);

        // Every statement dated before day n, and of day n only what its time of day has reached.
        var expected = plan.Statements.Where(s => s.Day < n || (s.Day == n && calendar.Of(s) <= now)).ToList();
        Assert.Equal(expected, target.Statements.Select(s => s.Statement));
        Assert.Equal(lastOfTheDayPosted, target.Statements.Any(s => s.Statement.Day == n));
        Assert.DoesNotContain(target.Statements, s => s.Statement.Day > n);
        Assert.All(target.Statements, s => Assert.Equal(calendar.Of(s.Statement), s.Timestamp));

        // Student 4 registers on day 35 and is not enrolled yet; student 2 withdrew on day 10, student 5 withdraws on day 40.
        Assert.Equal(["oulad-1", "oulad-2", "oulad-3", "oulad-5"], target.Enrolments.Select(e => e.LearnerId).Order(StringComparer.Ordinal));
        Assert.Equal(n > 10 ? ["oulad-2"] : [], target.Withdrawals.Select(w => w.LearnerId));
        Assert.Equal(expected.Count + 4 + target.Withdrawals.Count, replayer.State.Done);
    }

    [Fact]
    public async Task Statement_ids_name_the_row_not_the_shift()
    {
        var plan = await ImportPlan.BuildAsync(Folder.Directory, OuladFolder.Presentation, CancellationToken.None);
        var original = new StatementWriter(plan.Presentation, "http://platform.test");
        var shifted = new StatementWriter(plan.Presentation, "http://platform.test", ImportCalendar.Today(DateTimeOffset.UtcNow, 30));

        Assert.Equal(plan.Statements.Select(s => original.IdOf(s)), plan.Statements.Select(s => shifted.IdOf(s)));
        Assert.Equal(plan.Statements.Length, plan.Statements.Select(s => original.IdOf(s)).Distinct().Count());
    }

    [Fact]
    public async Task The_demo_learner_passed_never_withdrew_and_has_been_away_longer_than_their_rhythm()
    {
        var plan = await ImportPlan.BuildAsync(Folder.Directory, OuladFolder.Presentation, CancellationToken.None);

        // Day 36: student 1 (Pass) was last active on day 30; student 4 (Pass) enrolled on day 35 and has no activity yet.
        Assert.Equal("oulad-1", DemoLearner.Choose(plan, 36)?.LearnerId);

        // Day 20: student 1 was active yesterday; still the only one who fits, so still the one.
        Assert.Equal("oulad-1", DemoLearner.Choose(plan, 20)?.LearnerId);
        Assert.Null(DemoLearner.Choose(plan, -5));
    }
}
