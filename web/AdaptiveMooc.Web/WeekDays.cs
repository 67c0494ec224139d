using System.Globalization;

namespace AdaptiveMooc.Web;

/// <summary>The API's day names (<c>monday</c> ... <c>sunday</c>) and their labels.</summary>
public static class WeekDays
{
    public static readonly IReadOnlyList<string> Names = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    public static string Label(string day) => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(day);
}
