using AdaptiveMooc.Web.Api;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace AdaptiveMooc.Web;

/// <summary>A webinar as an iCalendar event for the learner's own calendar; the join link only when the API gave it (registered).</summary>
public static class WebinarCalendar
{
    public static string ToICalendar(Webinar webinar, string? courseTitle)
    {
        ArgumentNullException.ThrowIfNull(webinar);
        var calendar = new Calendar();
        var what = string.IsNullOrWhiteSpace(courseTitle) ? webinar.Title : $"{webinar.Title} ({courseTitle})";
        var item = new CalendarEvent
        {
            Uid = $"webinar-{webinar.Id:D}@adaptivemooc",
            Summary = $"Webinar: {what}",
            DtStart = new CalDateTime(webinar.Start.UtcDateTime, "UTC"),
            DtEnd = new CalDateTime(webinar.End.UtcDateTime, "UTC"),
            Description = webinar.JoinUrl is { } join ? $"Join: {join}" : "Register in AdaptiveMooc to get the join link.",
        };
        if (webinar.JoinUrl is { } url && Uri.TryCreate(url, UriKind.Absolute, out var link))
        {
            item.Url = link;
            item.Location = url;
        }

        calendar.Events.Add(item);
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
