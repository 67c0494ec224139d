using AdaptiveMooc.Grains.Planning;
using Xunit.Abstractions;

namespace AdaptiveMooc.Grains.Tests.Planning;

public sealed class LearnerPlannerTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    private static readonly WeeklyWindow[] Evenings =
    [
        new(DayOfWeek.Monday, new TimeOnly(19, 0), new TimeOnly(21, 0)),
        new(DayOfWeek.Wednesday, new TimeOnly(19, 0), new TimeOnly(21, 0)),
        new(DayOfWeek.Saturday, new TimeOnly(9, 0), new TimeOnly(12, 0)),
    ];

    /// <summary>The worked example of docs/PLANNING.md ("One plan per learner").</summary>
    internal static LearnerPlanRequest WorkedExample() => new(
        "Europe/Paris",
        Evenings,
        Monday,
        [
            new CourseDemand("finance", Lessons("f", 10), new DateOnly(2026, 3, 29)),
            new CourseDemand("python", Lessons("p", 12), null, DropoutRisk: 0.5, ReviewsDue: 1),
        ],
        [],
        4);

    [Fact]
    public void Worked_example_shares_the_week_by_what_each_course_asks()
    {
        var plan = LearnerPlanner.Plan(WorkedExample());
        foreach (var session in plan.Sessions)
        {
            output.WriteLine($"{session.Start:yyyy-MM-dd ddd HH:mm}-{session.End:HH:mm} {session.CourseId} {string.Join(",", session.LessonIds)}");
        }

        foreach (var course in plan.Courses)
        {
            output.WriteLine($"{course.CourseId}: ask {course.Ask} needed {course.WeeklyHoursNeeded} planned {course.WeeklyHoursPlanned} onTrack {course.OnTrack} {course.ProjectedCompletion:O} | {course.Explanation}");
        }

        output.WriteLine($"{plan.WeeklyHoursPlanned} | {plan.Explanation}");

        var finance = plan.Courses.Single(c => c.CourseId == "finance");
        var python = plan.Courses.Single(c => c.CourseId == "python");
        // finance: 10 h by the end of 29 March (3.94 weeks) asks 2.54 h; python: 12 h over 12 weeks = 1 h, x1.5 for the risk, +0.25 for a review.
        Assert.Equal(2.54, finance.Ask, 2);
        Assert.Equal(1.75, python.Ask, 2);
        Assert.Equal(7, plan.DeclaredWeeklyHours);
        Assert.True(finance.OnTrack);
        Assert.True(finance.ProjectedCompletion < new DateTimeOffset(2026, 3, 29, 0, 0, 0, TimeSpan.FromHours(1)));
        Assert.Contains("target date 2026-03-29 needs 2.6 h per week", finance.Explanation, StringComparison.Ordinal);
        Assert.Contains("dropout risk 0.50 raises its share", python.Explanation, StringComparison.Ordinal);
        Assert.Contains("1 skills due for review", python.Explanation, StringComparison.Ordinal);

        // Until finance is done, time goes about 60:40 (the asks' ratio), one lesson at a time.
        var beforeDone = plan.Sessions.Where(s => s.End <= finance.ProjectedCompletion).ToList();
        var financeHours = beforeDone.Where(s => s.CourseId == "finance").Sum(s => (s.End - s.Start).TotalHours);
        var pythonHours = beforeDone.Where(s => s.CourseId == "python").Sum(s => (s.End - s.Start).TotalHours);
        Assert.Equal(10, financeHours);
        Assert.InRange(financeHours / (financeHours + pythonHours), 0.55, 0.65);
        // 22 h of work in 7 h weeks: every lesson is placed in the 4 weeks, python's last on the fourth Monday.
        Assert.Equal(22, plan.Sessions.Sum(s => (s.End - s.Start).TotalHours));
        Assert.Equal(5.5, plan.WeeklyHoursPlanned);
    }

    [Fact]
    public void A_skill_whose_mastery_decayed_comes_back_as_a_15_minute_review_before_the_lessons()
    {
        var request = new LearnerPlanRequest(
            "Europe/Paris",
            Evenings,
            Monday,
            [new CourseDemand("python", Lessons("p", 3), null, ReviewSkills: ["loops", "functions"])],
            [],
            2);

        var plan = LearnerPlanner.Plan(request);
        // Monday 19:00 Paris: the two reviews, 15 minutes each, then the first lesson.
        Assert.Equal(["review:loops"], plan.Sessions[0].LessonIds);
        Assert.Equal(TimeSpan.FromMinutes(15), plan.Sessions[0].End - plan.Sessions[0].Start);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 19, 0, 0, TimeSpan.FromHours(1)), plan.Sessions[0].Start);
        Assert.Equal(["review:functions"], plan.Sessions[1].LessonIds);
        Assert.Equal(plan.Sessions[0].End, plan.Sessions[1].Start);
        Assert.Equal(TimeSpan.FromMinutes(15), plan.Sessions[1].End - plan.Sessions[1].Start);
        Assert.DoesNotContain(plan.Sessions.Skip(2), s => s.LessonIds.Any(LearnerPlanner.IsReview));
        var python = Assert.Single(plan.Courses);
        Assert.Contains("2 skills whose mastery decayed below the threshold come back as 15-minute reviews (loops, functions)", python.Explanation, StringComparison.Ordinal);
        Assert.Contains("3 lessons and 2 reviews", python.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Skills_come_back_when_the_fitted_forgetting_curve_takes_their_mastery_below_the_threshold()
    {
        var now = Monday;
        var model = new AdaptiveMooc.Grains.Abstractions.Learners.LearnerModelView(
            "c",
            null,
            "v",
            new Dictionary<string, double> { ["month-old"] = 0.86, ["fresh"] = 0.86, ["strong"] = 0.95, ["never-mastered"] = 0.70, ["older"] = 0.87 },
            new Dictionary<string, int> { ["month-old"] = 3, ["fresh"] = 3, ["strong"] = 3, ["never-mastered"] = 3, ["older"] = 3 },
            new Dictionary<string, DateTimeOffset>
            {
                ["month-old"] = now.AddDays(-30), ["fresh"] = now.AddDays(-1), ["strong"] = now.AddDays(-30), ["never-mastered"] = now.AddDays(-90), ["older"] = now.AddDays(-90),
            },
            null,
            0,
            0);

        // 0.86 × (0.94 + 0.055 e^(−30/50.12)) / 0.995 = 0.839 < 0.85; 0.87 after 90 days = 0.831, lower still;
        // one day after: 0.859; 0.95 after 30 days: 0.926; 0.70 was never mastered.
        Assert.Equal(["older", "month-old"], LearnerPlanGrain.DecayedSkills(model, now));
        Assert.Empty(LearnerPlanGrain.DecayedSkills(null, now));
    }

    [Fact]
    public void A_fall_back_night_never_gives_a_week_more_than_the_declared_hours()
    {
        // Paris falls back on Sunday 25 October 2026: a 01:00-04:00 window lasts four hours that night.
        var request = new LearnerPlanRequest(
            "Europe/Paris",
            [new WeeklyWindow(DayOfWeek.Sunday, new TimeOnly(1, 0), new TimeOnly(4, 0))],
            new DateTimeOffset(2026, 10, 20, 12, 0, 0, TimeSpan.Zero),
            [new CourseDemand("a", Lessons("a", 20), null), new CourseDemand("b", Lessons("b", 20), null)],
            [],
            2);

        var plan = LearnerPlanner.Plan(request);

        var sunday = plan.Sessions.Where(s => s.Start.Date == new DateTime(2026, 10, 25)).ToList();
        Assert.Equal(3, sunday.Sum(s => (s.End - s.Start).TotalHours));
        Assert.Equal(6, plan.Sessions.Sum(s => (s.End - s.Start).TotalHours));
    }

    [Fact]
    public void A_course_left_without_time_says_why_and_when_it_starts()
    {
        // One hour a week for two courses: the one due in a few days takes the first weeks.
        var request = new LearnerPlanRequest(
            "UTC",
            [new WeeklyWindow(DayOfWeek.Tuesday, new TimeOnly(18, 0), new TimeOnly(19, 0))],
            Monday,
            [
                new CourseDemand("urgent", [.. Lessons("u", 3).Select(l => l with { Due = Monday.AddDays(10) })], null),
                new CourseDemand("later", [new PlanLesson("x1", 60, [], null, 0)], null),
            ],
            [],
            1);

        var plan = LearnerPlanner.Plan(request);

        var later = plan.Courses.Single(c => c.CourseId == "later");
        Assert.DoesNotContain(plan.Sessions, s => s.CourseId == "later");
        Assert.Contains(". No session in the next 1 weeks: courses with more at stake take your 1 h per week until its first session on 2026-03-", later.Explanation, StringComparison.Ordinal);
        Assert.False(plan.Courses.Single(c => c.CourseId == "urgent").OnTrack);
    }

    [Fact]
    public void Without_availability_or_work_the_plan_explains_itself()
    {
        var none = LearnerPlanner.Plan(new LearnerPlanRequest("UTC", [], Monday, [new CourseDemand("a", Lessons("a", 2), null), new CourseDemand("b", [], null)], [], 4));

        Assert.Empty(none.Sessions);
        Assert.StartsWith("No weekly availability declared", none.Explanation, StringComparison.Ordinal);
        Assert.StartsWith("No weekly availability declared", none.Courses[0].Explanation, StringComparison.Ordinal);
        Assert.StartsWith("Nothing left to plan", none.Courses[1].Explanation, StringComparison.Ordinal);
        Assert.True(none.Courses[1].OnTrack);
        Assert.Equal("No active enrolment: nothing to plan.", LearnerPlanner.Plan(new LearnerPlanRequest("UTC", Evenings, Monday, [], [], 4)).Explanation);
    }

    private static List<PlanLesson> Lessons(string prefix, int count) =>
        [.. Enumerable.Range(1, count).Select(i => new PlanLesson($"{prefix}{i}", 60, i == 1 ? [] : [$"{prefix}{i - 1}"], null, i))];
}
