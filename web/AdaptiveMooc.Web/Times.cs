using System.Globalization;

namespace AdaptiveMooc.Web;

/// <summary>Instants shown in the viewer's time zone.</summary>
public static class Times
{
    public static string Local(DateTimeOffset at, string? timeZone) =>
        TimeZoneInfo.ConvertTime(at, TimeZones.Find(timeZone)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
