using AdaptiveMooc.Grains.Planning;

namespace AdaptiveMooc.Grains.Tests.Planning;

public sealed class WeeklyPlannerTests
{
    private static readonly TimeSpan Cet = TimeSpan.FromHours(1);
    private static readonly TimeSpan Cest = TimeSpan.FromHours(2);

    [Fact]
    public void Spring_forward_night_in_Paris_keeps_the_window_to_the_hours_that_exist()
    {
        // 2026-03-29 is the last Sunday of March: 02:00 CET jumps to 03:00 CEST.
        var request = Request(
            "Europe/Paris",
            [new WeeklyWindow(DayOfWeek.Sunday, new TimeOnly(1, 0), new TimeOnly(4, 0)), new WeeklyWindow(DayOfWeek.Monday, new TimeOnly(19, 0), new TimeOnly(21, 0))],
            new DateTimeOffset(2026, 3, 27, 12, 0, 0, Cet),
            Lessons(("a", 300)));

        var plan = WeeklyPlanner.Plan(request);

        var sunday = plan.Sessions[0];
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, Cet), sunday.Start);
        Assert.Equal(Cet, sunday.Start.Offset);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 4, 0, 0, Cest), sunday.End);
        Assert.Equal(Cest, sunday.End.Offset);
        Assert.Equal(120, sunday.Minutes);
        var monday = plan.Sessions[1];
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 19, 0, 0, Cest), monday.Start);
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 17, 0, 0, TimeSpan.Zero), monday.Start.ToUniversalTime());
    }

    [Fact]
    public void A_window_inside_the_skipped_hour_does_not_exist_that_night_but_does_the_week_after()
    {
        var request = Request(
            "Europe/Paris",
            [new WeeklyWindow(DayOfWeek.Sunday, new TimeOnly(2, 0), new TimeOnly(2, 45))],
            new DateTimeOffset(2026, 3, 27, 12, 0, 0, Cet),
            Lessons(("a", 60)));

        var plan = WeeklyPlanner.Plan(request);

        Assert.Equal(new DateTimeOffset(2026, 4, 5, 2, 0, 0, Cest), plan.Sessions[0].Start);
        Assert.Equal(45, plan.Sessions[0].Minutes);
    }

    [Fact]
    public void Fall_back_night_in_Paris_counts_the_repeated_hour_once_per_clock_time_it_names()
    {
        // 2026-10-25 is the last Sunday of October: 03:00 CEST goes back to 02:00 CET.
        var request = Request(
            "Europe/Paris",
            [new WeeklyWindow(DayOfWeek.Sunday, new TimeOnly(1, 0), new TimeOnly(4, 0))],
            new DateTimeOffset(2026, 10, 23, 12, 0, 0, Cest),
            Lessons(("a", 600)));

        var plan = WeeklyPlanner.Plan(request);

        var sunday = plan.Sessions[0];
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 1, 0, 0, Cest), sunday.Start);
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 4, 0, 0, Cet), sunday.End);
        Assert.Equal(240, sunday.Minutes);
        Assert.Null(PlanInvariants.InsideWindows(request, plan));
    }

    [Fact]
    public void Fall_back_window_edges_in_the_repeated_hour_never_reach_clock_times_outside_the_window()
    {
        var request = Request(
            "Europe/Paris",
            [
                new WeeklyWindow(DayOfWeek.Sunday, new TimeOnly(0, 30), new TimeOnly(2, 30)),
                new WeeklyWindow(DayOfWeek.Sunday, new TimeOnly(2, 40), new TimeOnly(5, 0)),
                // Wholly inside the repeated hour: its first occurrence, already inside the first window.
                new WeeklyWindow(DayOfWeek.Sunday, new TimeOnly(2, 10), new TimeOnly(2, 20)),
            ],
            new DateTimeOffset(2026, 10, 23, 12, 0, 0, Cest),
            Lessons(("a", 900)));

        var plan = WeeklyPlanner.Plan(request);

        Assert.Null(PlanInvariants.InsideWindows(request, plan));
        Assert.Null(PlanInvariants.FutureAndDisjoint(request, plan));
        var night = plan.Sessions.Where(s => s.Start.Date == new DateTime(2026, 10, 25)).ToList();
        Assert.Equal(
            [
                (new DateTimeOffset(2026, 10, 25, 0, 30, 0, Cest), new DateTimeOffset(2026, 10, 25, 2, 30, 0, Cest)),
                (new DateTimeOffset(2026, 10, 25, 2, 40, 0, Cet), new DateTimeOffset(2026, 10, 25, 5, 0, 0, Cet)),
            ],
            night.Select(s => (s.Start, s.End)).ToList());
    }

    [Fact]
    public void Kiritimati_learner_fourteen_hours_ahead_of_UTC_gets_their_local_weekday()
    {
        // 2026-06-01T10:00Z is already Tuesday 2 June 00:00 at UTC+14.
        var request = Request(
            "Pacific/Kiritimati",
            [new WeeklyWindow(DayOfWeek.Tuesday, new TimeOnly(8, 0), new TimeOnly(9, 0))],
            new DateTimeOffset(2026, 6, 1, 10, 0, 0, TimeSpan.Zero),
            Lessons(("a", 30)));

        var plan = WeeklyPlanner.Plan(request);

        var session = Assert.Single(plan.Sessions);
        Assert.Equal(new DateTimeOffset(2026, 6, 2, 8, 0, 0, TimeSpan.FromHours(14)), session.Start);
        Assert.Equal(TimeSpan.FromHours(14), session.Start.Offset);
        Assert.Equal(new DateTimeOffset(2026, 6, 1, 18, 30, 0, TimeSpan.Zero), session.End.ToUniversalTime());
    }

    [Fact]
    public void Pago_Pago_learner_eleven_hours_behind_UTC_studies_on_the_next_UTC_day()
    {
        var request = Request(
            "Pacific/Pago_Pago",
            [new WeeklyWindow(DayOfWeek.Monday, new TimeOnly(20, 0), new TimeOnly(21, 0))],
            new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero),
            Lessons(("a", 45)));

        var plan = WeeklyPlanner.Plan(request);

        var session = Assert.Single(plan.Sessions);
        Assert.Equal(new DateTimeOffset(2026, 6, 2, 7, 0, 0, TimeSpan.Zero), session.Start.ToUniversalTime());
        Assert.Equal(TimeSpan.FromHours(-11), session.Start.Offset);
    }

    [Fact]
    public void Empty_availability_is_a_clear_answer_with_the_hours_the_target_needs()
    {
        var now = new DateTimeOffset(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);
        var request = Request("Europe/Paris", [], now, Lessons(("a", 120), ("b", 120))) with
        {
            TargetDate = new DateOnly(2026, 5, 31),
        };

        var plan = WeeklyPlanner.Plan(request);

        Assert.False(plan.OnTrack);
        Assert.Null(plan.ProjectedCompletion);
        Assert.Empty(plan.Sessions);
        Assert.StartsWith("No weekly availability declared", plan.Explanation, StringComparison.Ordinal);
        // 4 h over the 3.9 weeks until the end of 31 May (Paris time).
        Assert.Equal(4 / ((new DateTimeOffset(2026, 6, 1, 0, 0, 0, Cest) - now).TotalDays / 7), plan.WeeklyHoursNeeded, 3);
    }

    [Fact]
    public void Windows_that_are_reversed_count_as_no_availability()
    {
        var request = Request(
            "UTC",
            [new WeeklyWindow(DayOfWeek.Monday, new TimeOnly(21, 0), new TimeOnly(19, 0))],
            new DateTimeOffset(2026, 5, 4, 9, 0, 0, TimeSpan.Zero),
            Lessons(("a", 60)));

        var plan = WeeklyPlanner.Plan(request);

        Assert.False(plan.OnTrack);
        Assert.Empty(plan.Sessions);
    }

    [Fact]
    public void A_learner_who_skipped_ahead_gets_the_skipped_lessons_in_order_and_never_the_finished_one()
    {
        // c needs b needs a; the learner finished c without a or b.
        var request = Request(
            "UTC",
            [new WeeklyWindow(DayOfWeek.Monday, new TimeOnly(18, 0), new TimeOnly(20, 0))],
            new DateTimeOffset(2026, 5, 4, 9, 0, 0, TimeSpan.Zero),
            [
                new PlanLesson("b", 30, ["a"], null, 1),
                new PlanLesson("d", 30, ["c"], null, 3),
                new PlanLesson("a", 30, [], null, 0),
            ]) with
        {
            Completed = new HashSet<string>(["c"], StringComparer.Ordinal),
        };

        var plan = WeeklyPlanner.Plan(request);

        Assert.Equal(["a", "b", "d"], Assert.Single(plan.Sessions).LessonIds);
        Assert.True(plan.OnTrack);
    }

    [Fact]
    public void Unreachable_target_says_so_and_the_hours_it_asks_for_do_reach_it()
    {
        var now = new DateTimeOffset(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);
        var request = Request(
            "UTC",
            [new WeeklyWindow(DayOfWeek.Wednesday, new TimeOnly(18, 0), new TimeOnly(19, 0))],
            now,
            Lessons(Enumerable.Range(0, 20).Select(i => ($"l{i}", 60)).ToArray())) with
        {
            TargetDate = new DateOnly(2026, 5, 31),
        };

        var plan = WeeklyPlanner.Plan(request);

        Assert.False(plan.OnTrack);
        Assert.Contains("Not on track", plan.Explanation, StringComparison.Ordinal);
        Assert.Contains("after your target date 2026-05-31", plan.Explanation, StringComparison.Ordinal);
        // 20 h over the 27 days and 15 hours to the end of 31 May.
        Assert.Equal(Math.Ceiling(20 / (27.625 / 7) * 10) / 10, plan.WeeklyHoursNeeded);
        Assert.Equal(new DateTimeOffset(2026, 9, 16, 19, 0, 0, TimeSpan.Zero), plan.ProjectedCompletion);

        var hours = (int)Math.Ceiling(plan.WeeklyHoursNeeded);
        var enough = WeeklyPlanner.Plan(request with
        {
            Windows = [.. Enumerable.Range(0, 7).Select(d => new WeeklyWindow((DayOfWeek)d, new TimeOnly(8, 0), new TimeOnly(8, 0).AddMinutes(hours * 60 / 7.0)))],
        });
        Assert.True(enough.OnTrack, enough.Explanation);
        Assert.StartsWith("On track", enough.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Due_dates_come_before_course_order_and_pull_their_prerequisites_forward()
    {
        var now = new DateTimeOffset(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);
        var request = Request(
            "UTC",
            [new WeeklyWindow(DayOfWeek.Monday, new TimeOnly(18, 0), new TimeOnly(22, 0))],
            now,
            [
                new PlanLesson("intro", 30, [], null, 0),
                new PlanLesson("basics", 30, [], null, 1),
                new PlanLesson("quiz", 30, ["basics"], now.AddDays(10), 2),
            ]);

        var plan = WeeklyPlanner.Plan(request);

        Assert.Equal(["basics", "quiz", "intro"], plan.Sessions[0].LessonIds);
    }

    [Fact]
    public void Overdue_lessons_make_the_plan_late_and_are_named()
    {
        var now = new DateTimeOffset(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);
        var request = Request(
            "UTC",
            [new WeeklyWindow(DayOfWeek.Monday, new TimeOnly(18, 0), new TimeOnly(22, 0))],
            now,
            [new PlanLesson("essay", 90, [], now.AddDays(-2), 0)]);

        var plan = WeeklyPlanner.Plan(request);

        Assert.False(plan.OnTrack);
        Assert.Equal(["essay"], plan.LateLessonIds);
        Assert.Contains("1 lessons after their due dates", plan.Explanation, StringComparison.Ordinal);
        Assert.Equal(1.5, plan.WeeklyHoursNeeded);
    }

    [Fact]
    public void Webinars_carve_their_time_out_of_a_window()
    {
        var request = Request(
            "UTC",
            [new WeeklyWindow(DayOfWeek.Monday, new TimeOnly(18, 0), new TimeOnly(21, 0))],
            new DateTimeOffset(2026, 5, 4, 9, 0, 0, TimeSpan.Zero),
            Lessons(("a", 100), ("b", 20))) with
        {
            Events = [new FixedEvent(new DateTimeOffset(2026, 5, 4, 19, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 5, 4, 20, 0, 0, TimeSpan.Zero), "webinar")],
        };

        var plan = WeeklyPlanner.Plan(request);

        Assert.Equal(2, plan.Sessions.Count);
        Assert.Equal((new DateTimeOffset(2026, 5, 4, 18, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 5, 4, 19, 0, 0, TimeSpan.Zero)), (plan.Sessions[0].Start, plan.Sessions[0].End));
        Assert.Equal((new DateTimeOffset(2026, 5, 4, 20, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 5, 4, 21, 0, 0, TimeSpan.Zero)), (plan.Sessions[1].Start, plan.Sessions[1].End));
        Assert.Equal(["a", "b"], plan.Sessions[1].LessonIds);
    }

    [Fact]
    public void A_long_lesson_spans_sessions()
    {
        var request = Request(
            "UTC",
            [new WeeklyWindow(DayOfWeek.Monday, new TimeOnly(18, 0), new TimeOnly(19, 0)), new WeeklyWindow(DayOfWeek.Thursday, new TimeOnly(18, 0), new TimeOnly(19, 0))],
            new DateTimeOffset(2026, 5, 4, 9, 0, 0, TimeSpan.Zero),
            Lessons(("long", 150)));

        var plan = WeeklyPlanner.Plan(request);

        Assert.Equal([60, 60, 30], plan.Sessions.Select(s => s.Minutes));
        Assert.All(plan.Sessions, s => Assert.Equal(["long"], s.LessonIds));
        Assert.Equal(plan.Sessions[2].End, plan.ProjectedCompletion);
    }

    [Fact]
    public void A_window_under_way_starts_at_the_next_quarter_hour_so_seconds_later_the_plan_is_the_same()
    {
        var windows = new[] { new WeeklyWindow(DayOfWeek.Monday, new TimeOnly(18, 0), new TimeOnly(21, 0)) };
        var first = WeeklyPlanner.Plan(Request("UTC", windows, new DateTimeOffset(2026, 5, 4, 18, 7, 12, TimeSpan.Zero), Lessons(("a", 60))));
        var second = WeeklyPlanner.Plan(Request("UTC", windows, new DateTimeOffset(2026, 5, 4, 18, 14, 59, TimeSpan.Zero), Lessons(("a", 60))));

        Assert.Equal(new DateTimeOffset(2026, 5, 4, 18, 15, 0, TimeSpan.Zero), first.Sessions[0].Start);
        Assert.Equal(first.Sessions.Select(s => (s.Start, s.End)), second.Sessions.Select(s => (s.Start, s.End)));
        Assert.Equal(first.Explanation, second.Explanation);
    }

    [Fact]
    public void Nothing_left_is_on_track_with_no_sessions()
    {
        var plan = WeeklyPlanner.Plan(Request("UTC", [new WeeklyWindow(DayOfWeek.Monday, new TimeOnly(18, 0), new TimeOnly(21, 0))], DateTimeOffset.UnixEpoch, []));

        Assert.True(plan.OnTrack);
        Assert.Empty(plan.Sessions);
        Assert.Equal(0, plan.WeeklyHoursNeeded);
    }

    [Fact]
    public void Sessions_stop_at_the_requested_weeks_while_completion_is_projected_beyond()
    {
        var request = Request(
            "UTC",
            [new WeeklyWindow(DayOfWeek.Monday, new TimeOnly(18, 0), new TimeOnly(19, 0))],
            new DateTimeOffset(2026, 5, 4, 9, 0, 0, TimeSpan.Zero),
            Lessons(Enumerable.Range(0, 10).Select(i => ($"l{i}", 60)).ToArray())) with
        {
            Weeks = 2,
        };

        var plan = WeeklyPlanner.Plan(request);

        Assert.Equal(2, plan.Sessions.Count);
        Assert.Equal(new DateTimeOffset(2026, 7, 6, 19, 0, 0, TimeSpan.Zero), plan.ProjectedCompletion);
        Assert.True(plan.OnTrack);
    }

    private static PlanRequest Request(string zone, IReadOnlyList<WeeklyWindow> windows, DateTimeOffset now, IReadOnlyList<PlanLesson> remaining) =>
        new(zone, windows, now, remaining, new HashSet<string>(StringComparer.Ordinal), [], null, 4);

    private static List<PlanLesson> Lessons(params (string Id, int Minutes)[] lessons) =>
        lessons.Select((l, i) => new PlanLesson(l.Id, l.Minutes, [], null, i)).ToList();
}
