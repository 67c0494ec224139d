using AdaptiveMooc.Web.Api;
using AdaptiveMooc.Web.Components.Shared;
using Bunit;

namespace AdaptiveMooc.Web.Tests.Components;

/// <summary>The plan calendar: sessions land on the learner's local day, in order, with lesson titles.</summary>
public sealed class PlanWeekTests : BunitContext
{
    [Fact]
    public void Sessions_show_on_their_local_day_in_the_learners_time_zone()
    {
        var now = new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero); // a Monday
        // 23:30 UTC on Monday is 08:30 on Tuesday in Tokyo.
        var late = new PlanSession(new DateTimeOffset(2026, 12, 7, 23, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 8, 0, 30, 0, TimeSpan.Zero), ["l2"]);
        var early = new PlanSession(new DateTimeOffset(2026, 12, 7, 22, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 7, 23, 0, 0, TimeSpan.Zero), ["l1"]);
        var cut = Render<PlanWeek>(p => p
            .Add(x => x.Sessions, [late, early])
            .Add(x => x.TimeZone, "Asia/Tokyo")
            .Add(x => x.Titles, new Dictionary<string, string> { ["l1"] = "Discounting", ["l2"] = "Quiz" })
            .Add(x => x.Now, now));

        var days = cut.FindAll(".calendar-day");
        Assert.Equal(7, days.Count);
        Assert.Contains("Mon 7 Dec", days[0].TextContent, StringComparison.Ordinal);
        Assert.Empty(days[0].QuerySelectorAll("[data-testid=plan-session]"));
        var tuesday = days[1].QuerySelectorAll("[data-testid=plan-session]").Select(s => s.TextContent.Trim()).ToList();
        Assert.Equal(2, tuesday.Count);
        Assert.StartsWith("07:00–08:00", tuesday[0], StringComparison.Ordinal);
        Assert.Contains("Discounting", tuesday[0], StringComparison.Ordinal);
        Assert.StartsWith("08:30–09:30", tuesday[1], StringComparison.Ordinal);
        Assert.Contains("Quiz", tuesday[1], StringComparison.Ordinal);
        Assert.DoesNotContain("No session planned this week", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void A_week_without_sessions_says_so_and_later_sessions_are_left_out()
    {
        var now = new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
        var nextMonth = new PlanSession(now.AddDays(20), now.AddDays(20).AddHours(1), ["l1"]);
        var cut = Render<PlanWeek>(p => p.Add(x => x.Sessions, [nextMonth]).Add(x => x.TimeZone, "UTC").Add(x => x.Now, now));

        Assert.Empty(cut.FindAll("[data-testid=plan-session]"));
        Assert.Contains("No session planned this week", cut.Markup, StringComparison.Ordinal);
    }
}
