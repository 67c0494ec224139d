using AdaptiveMooc.Web.Api;

namespace AdaptiveMooc.Web.Tests.Components;

/// <summary>The trainer dashboard's shaping: a readable funnel for long courses, the cohort trend, the at-risk rows and their CSV.</summary>
public sealed class DashboardDataTests
{
    [Fact]
    public void Long_course_funnel_groups_lessons_by_module_with_the_mean_per_lesson()
    {
        var modules = Enumerable.Range(0, 4).Select(m => new Module(
            $"m{m}", $"Module number {m} with a very long title", [.. Enumerable.Range(0, 10).Select(i => Lesson($"m{m}l{i}"))])).ToList();
        var course = Course(modules);
        // Module 1: every lesson started by 4 and completed by 2; the others: nobody.
        var counts = modules[1].Lessons!.Select(l => new LessonCount(l.Id, 4, 2)).ToList();

        var bars = ChartData.Funnel(course, counts, maxBars: 20);

        Assert.Equal(4, bars.Labels.Length);
        Assert.All(bars.Labels, l => Assert.True(l.Length <= 16, l));
        Assert.Equal("Module number 1…", bars.Labels[1]);
        Assert.Equal([0, 4, 0, 0], bars.Series[0].Data);
        Assert.Equal([0, 2, 0, 0], bars.Series[1].Data);
        Assert.Contains("Module number 1 with a very long title (10 lessons) started 4, completed 2", bars.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_single_module_funnel_is_cut_into_runs_of_consecutive_lessons()
    {
        var lessons = Enumerable.Range(1, 333).Select(i => Lesson($"l{i}")).ToList();
        var counts = lessons.Select((l, i) => new LessonCount(l.Id, i < 17 ? 10 : 0, 0)).ToList();

        var bars = ChartData.Funnel(Course([new Module("m", "Everything", lessons)]), counts, maxBars: 20);

        Assert.True(bars.Labels.Length <= 20);
        Assert.Equal("#1-17", bars.Labels[0]);
        Assert.Equal("#324-333", bars.Labels[^1]);
        Assert.Equal(10, bars.Series[0].Data[0].Y);
        Assert.Equal(0, bars.Series[0].Data[1].Y);
    }

    [Fact]
    public void Short_course_funnel_keeps_one_bar_per_lesson()
    {
        var bars = ChartData.Funnel(Course([new Module("m", "M", [Lesson("a"), Lesson("b")])]), [new LessonCount("b", 3, 1)]);

        Assert.Equal(["Lesson a", "Lesson b"], bars.Labels);
        Assert.Equal([0, 3], bars.Series[0].Data);
        Assert.Equal("Started", bars.Series[0].Name);
    }

    [Fact]
    public void Trend_has_three_series_in_date_order()
    {
        var end = new DateTimeOffset(2027, 3, 31, 23, 59, 59, TimeSpan.Zero);
        var instants = ChartData.TrendInstants(end, 3);
        Assert.Equal([end.AddDays(-14), end.AddDays(-7), end], instants);

        var snapshots = instants.Select((at, i) => Analytics(at, enrolled: 10 + i, active: 5 - i, completed: i)).Reverse().ToList();
        var bars = ChartData.CohortTrend(snapshots);

        Assert.Equal(["03-17", "03-24", "03-31"], bars.Labels);
        Assert.Equal(["Enrolled", "Active (7 days)", "Completed"], bars.Series.Select(s => s.Name));
        Assert.Equal([10, 11, 12], bars.Series[0].Data);
        Assert.Equal([5, 4, 3], bars.Series[1].Data);
        Assert.Equal([0, 1, 2], bars.Series[2].Data);
        Assert.EndsWith("03-31 12, 3, 2", bars.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void At_risk_rows_get_the_last_activity_of_the_learner_table_and_export_as_csv()
    {
        const string learnersCsv = "learnerId,enrolledAt,withdrawnAt,lessonsStarted,lessonsCompleted,completedCourse,lastActivity,activeDays,meanScore\n"
            + "ann,2027-01-01T00:00:00.0000000Z,,3,2,false,2027-02-03T10:00:00.0000000Z,4,0.5\n"
            + "bob,2027-01-01T00:00:00.0000000Z,,0,0,false,,0,\n";
        var last = AtRiskTable.LastActivity(learnersCsv);
        Assert.Equal(new DateTimeOffset(2027, 2, 3, 10, 0, 0, TimeSpan.Zero), last["ann"]);
        Assert.False(last.ContainsKey("bob"));

        var rows = AtRiskTable.Join(
            [new AtRiskLearner("bob", 0.9, ["no activity yet", "=cmd, \"quoted\""], 0.95, null), new AtRiskLearner("ann", 0.6, ["late"], null, null)], last);
        Assert.Null(rows[0].LastActivity);
        Assert.Equal(last["ann"], rows[1].LastActivity);

        var csv = AtRiskTable.ToCsv(rows).Split("\r\n");
        Assert.Equal("learnerId,riskOfWithdrawing,riskOfFailingOrWithdrawing,lastActivity,reasons", csv[0]);
        Assert.Equal("bob,0.9,0.95,,\"no activity yet; =cmd, \"\"quoted\"\"\"", csv[1]);
        Assert.Equal("ann,0.6,,2027-02-03T10:00:00Z,late", csv[2]);
        Assert.Equal("'=x", AtRiskTable.ToCsv([new AtRiskTable.Row("a", 0, null, ["=x"], null)]).Split("\r\n")[1].Split(',')[^1]);
    }

    private static Analytics Analytics(DateTimeOffset asOf, int enrolled, int active, int completed) =>
        new("c", asOf, enrolled, active, completed, 0, 0, [], [], [], null, null, null);

    private static Course Course(IReadOnlyList<Module> modules) =>
        new("c", "C", "f", null, "en", new Pricing("free"), null, null, modules, true, null, "t", [], modules.Sum(m => m.Lessons!.Count));

    private static Lesson Lesson(string id) => new(id, $"Lesson {id}", "video", 10, [], [], true, null, null);
}
