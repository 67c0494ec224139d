using AdaptiveMooc.Web.Api;

namespace AdaptiveMooc.Web.Tests.Components;

/// <summary>Chart data shaping: percentages, order, and the text summary screen readers get.</summary>
public sealed class ChartDataTests
{
    [Fact]
    public void Mastery_is_ordered_by_skill_as_clamped_percentages()
    {
        var bars = ChartData.Mastery(new Dictionary<string, double> { ["npv"] = 0.8123, ["bonds"] = 1.2, ["irr"] = -0.1 });

        Assert.Equal(["bonds", "irr", "npv"], bars.Labels);
        Assert.Equal([100, 0, 81.2], Assert.Single(bars.Series).Data);
        Assert.Equal("Mastery per skill: bonds 100; irr 0; npv 81.2", bars.Summary);
    }

    [Fact]
    public void Funnel_follows_course_order_required_first_and_counts_missing_lessons_as_zero()
    {
        var course = new Course(
            "c", "C", "f", null, "en", new Pricing("free"), null, null,
            [new Module("m", "M", [Lesson("a", required: false), Lesson("b", required: true), Lesson("c", required: true)])],
            true, null, "t", [], 3);
        var bars = ChartData.Funnel(course, [new LessonCount("c", 10, 7), new LessonCount("a", 4, 1)]);

        Assert.Equal(["Lesson b", "Lesson c", "Lesson a"], bars.Labels);
        Assert.Equal([0, 10, 4], bars.Series[0].Data);
        Assert.Equal([0, 7, 1], bars.Series[1].Data);
    }

    [Fact]
    public void Weekly_activity_keeps_the_last_weeks_in_date_order()
    {
        var weeks = Enumerable.Range(0, 30).Select(i => new WeeklyActivity(new DateOnly(2026, 1, 5).AddDays(7 * i), i)).Reverse().ToList();
        var bars = ChartData.WeeklyActivity(weeks, lastWeeks: 3);

        Assert.Equal(["07-13", "07-20", "07-27"], bars.Labels);
        Assert.Equal([27, 28, 29], bars.Series[0].Data);
    }

    [Fact]
    public void Score_buckets_are_labelled_as_percentage_ranges()
    {
        var bars = ChartData.Scores([new ScoreBucket(0.1, 0.2, 3), new ScoreBucket(0, 0.1, 5)]);

        Assert.Equal(["0-10%", "10-20%"], bars.Labels);
        Assert.Equal([5, 3], bars.Series[0].Data);
    }

    private static Lesson Lesson(string id, bool required) => new(id, $"Lesson {id}", "video", 10, [], [], required, null, null);
}
