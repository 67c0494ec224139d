using AdaptiveMooc.Web.Api;

namespace AdaptiveMooc.Web.Tests.Components;

/// <summary>The webinar form's local date and time become the instant the API takes; the .ics carries the join link only when given.</summary>
public sealed class WebinarFormTests
{
    [Fact]
    public void Local_time_in_the_chosen_zone_becomes_the_instant()
    {
        var draft = new WebinarDraft
        {
            Title = " Office hour ", Date = new DateTime(2027, 7, 14), StartTime = "18:30", TimeZone = "Europe/London",
            Minutes = 45, Capacity = 20, JoinUrl = " https://meet.example.org/x ",
        };

        var (body, field, _) = draft.ToBody();

        Assert.Null(field);
        Assert.Equal(new DateTimeOffset(2027, 7, 14, 17, 30, 0, TimeSpan.Zero), body!.Start!.Value.ToUniversalTime());
        Assert.Equal(TimeSpan.FromHours(1), body.Start.Value.Offset);
        Assert.Equal("Office hour", body.Title);
        Assert.Equal("https://meet.example.org/x", body.JoinUrl);
        Assert.Equal((45, 20), (body.Minutes, body.Capacity));
    }

    [Theory]
    [InlineData(null, "18:00", "UTC", "Choose the date")]
    [InlineData("2027-03-01", "6pm", "UTC", "HH:mm")]
    [InlineData("2027-03-01", "25:00", "UTC", "HH:mm")]
    [InlineData("2027-03-28", "01:30", "Europe/London", "does not exist in Europe/London")]
    public void Bad_date_or_time_names_the_start_field(string? date, string time, string zone, string why)
    {
        var draft = new WebinarDraft
        {
            Title = "T", Date = date is null ? null : DateTime.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
            StartTime = time, TimeZone = zone, JoinUrl = "https://x.example",
        };

        var (body, field, error) = draft.ToBody();

        Assert.Null(body);
        Assert.Equal("start", field);
        Assert.Contains(why, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Calendar_event_has_the_times_and_the_join_link_when_registered()
    {
        var start = new DateTimeOffset(2027, 1, 5, 18, 0, 0, TimeSpan.Zero);
        var webinar = new Webinar(
            Guid.Parse("0b8f0f7e-3c4d-4f55-9a1e-2f5c3c1d2e3f"), "c1", "Q&A", start, start.AddMinutes(90), 90, 30, 3, 27,
            "https://meet.example.org/room", "t1", start.AddDays(-3));

        var ics = WebinarCalendar.ToICalendar(webinar, "Budgeting");

        Assert.Contains("BEGIN:VEVENT", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART:20270105T180000Z", ics, StringComparison.Ordinal);
        Assert.Contains("DTEND:20270105T193000Z", ics, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Webinar: Q&A (Budgeting)", ics, StringComparison.Ordinal);
        Assert.Contains("URL:https://meet.example.org/room", ics, StringComparison.Ordinal);
        Assert.Contains("UID:webinar-0b8f0f7e-3c4d-4f55-9a1e-2f5c3c1d2e3f@adaptivemooc", ics, StringComparison.Ordinal);

        var unregistered = WebinarCalendar.ToICalendar(webinar with { JoinUrl = null }, null);
        Assert.DoesNotContain("meet.example.org", unregistered, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Webinar: Q&A", unregistered, StringComparison.Ordinal);
    }
}
