using System.Globalization;
using AdaptiveMooc.Web.Api;

namespace AdaptiveMooc.Web;

/// <summary>
/// The webinar scheduling form: a local date and time in a chosen time zone, turned into the instant the API
/// takes. Checks nothing the API does not check itself; a time the zone skips (clocks going forward) is named
/// here because the API only sees the instant.
/// </summary>
public sealed class WebinarDraft
{
    public string? Title { get; set; }

    public DateTime? Date { get; set; }

    /// <summary>Local start time as HH:mm.</summary>
    public string? StartTime { get; set; } = "18:00";

    public string TimeZone { get; set; } = "UTC";

    public int? Minutes { get; set; } = 60;

    public int? Capacity { get; set; } = 50;

    public string? JoinUrl { get; set; }

    /// <summary>The body for <c>POST .../webinars</c>, or the field in error and why.</summary>
    public (WebinarBody? Body, string? Field, string? Error) ToBody()
    {
        if (Date is not { } date)
        {
            return (null, "start", "Choose the date of the webinar.");
        }

        if (!TimeOnly.TryParseExact(StartTime?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return (null, "start", "The start time must be written as HH:mm, e.g. 18:30.");
        }

        var zone = TimeZones.Find(TimeZone);
        var local = DateOnly.FromDateTime(date).ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            return (null, "start", $"{local:yyyy-MM-dd HH:mm} does not exist in {TimeZone} (the clocks go forward); choose another time.");
        }

        var start = new DateTimeOffset(local, zone.GetUtcOffset(local));
        return (new WebinarBody(Title?.Trim() ?? "", start, Minutes, Capacity, JoinUrl?.Trim() ?? ""), null, null);
    }
}
