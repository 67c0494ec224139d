using AdaptiveMooc.Web.Api;
using AdaptiveMooc.Web.Components.Shared;
using Bunit;

namespace AdaptiveMooc.Web.Tests.Components;

/// <summary>The one plan across courses on the learner home: sessions named by course and lesson titles, the .ics with stable UIDs.</summary>
public sealed class LearnerPlanTests : BunitContext
{
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Sessions_of_two_courses_are_named_by_course_and_lesson_and_past_ones_left_out()
    {
        var (plan, courses) = TwoCourses();

        var sessions = PlanCalendar.Sessions(plan, courses);

        Assert.Equal(2, sessions.Count);
        Assert.Equal(["Finance: Discounting, Bonds"], sessions[0].LessonIds);
        Assert.Equal(["Python: Loops"], sessions[1].LessonIds);

        var cut = Render<PlanWeek>(p => p.Add(x => x.Sessions, sessions).Add(x => x.TimeZone, "UTC").Add(x => x.Now, Monday));
        var shown = cut.FindAll("[data-testid=plan-session]").Select(s => s.TextContent.Trim()).ToList();
        Assert.Equal(2, shown.Count);
        Assert.StartsWith("19:00–20:00", shown[0], StringComparison.Ordinal);
        Assert.Contains("Finance: Discounting, Bonds", shown[0], StringComparison.Ordinal);
        Assert.Contains("Python: Loops", shown[1], StringComparison.Ordinal);
    }

    [Fact]
    public void The_whole_plan_exports_one_event_per_planned_session_with_its_id_as_uid()
    {
        var (plan, courses) = TwoCourses();

        var ics = PlanCalendar.ToICalendar(plan, courses);

        Assert.Equal(2, ics.Split("BEGIN:VEVENT").Length - 1);
        Assert.Contains("UID:s-1@adaptivemooc", ics, StringComparison.Ordinal);
        Assert.Contains("UID:s-2@adaptivemooc", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("s-0@", ics, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Study: Finance: Discounting\\, Bonds", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART:20261207T190000Z", ics, StringComparison.Ordinal);
    }

    private static (LearnerPlan Plan, Dictionary<string, Course> Courses) TwoCourses()
    {
        static Course Course(string id, string title, params (string Id, string Title)[] lessons) => new(
            id, title, "f", null, "en", new Pricing("free"), null, null,
            [new Module("m", "M", [.. lessons.Select(l => new Lesson(l.Id, l.Title, "video", 30, [], [], true, null, null))])],
            true, null, "t", [], lessons.Length);

        var courses = new Dictionary<string, Course>(StringComparer.Ordinal)
        {
            ["fin"] = Course("fin", "Finance", ("l1", "Discounting"), ("l2", "Bonds")),
            ["py"] = Course("py", "Python", ("l1", "Loops")),
        };
        var plan = new LearnerPlan(
            "Your 4 h per week are shared by 2 courses.", 2, 4, Monday,
            [
                new LearnerPlanSession("s-0", Monday.AddDays(-2), Monday.AddDays(-2).AddHours(1), "fin", ["l1"], "missed"),
                new LearnerPlanSession("s-1", Monday.AddHours(7), Monday.AddHours(8), "fin", ["l1", "l2"], "planned"),
                new LearnerPlanSession("s-2", Monday.AddDays(1).AddHours(7), Monday.AddDays(1).AddHours(8), "py", ["l1"], "planned"),
            ],
            [new CourseOutlook("fin", true, Monday.AddDays(10), 1, 1, "On track."), new CourseOutlook("py", false, null, 2, 1, "Not on track.")]);
        return (plan, courses);
    }
}
