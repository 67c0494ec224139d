using System.Globalization;
using AdaptiveMooc.Grains.Abstractions.Learners;

namespace AdaptiveMooc.Api.Contracts;

/// <summary>Converts weekly windows between their JSON form and the grain contract.</summary>
internal static class WeeklyWindows
{
    public static WindowBody ToBody(AvailabilityWindow window) =>
        new(window.Day.ToString().ToLowerInvariant(), window.Start.ToString("HH:mm", CultureInfo.InvariantCulture), window.End.ToString("HH:mm", CultureInfo.InvariantCulture));

    /// <summary>Parses every window, or names the first field that is wrong.</summary>
    public static bool TryParse(IReadOnlyList<WindowBody>? bodies, out List<AvailabilityWindow> windows, out string? field, out string? detail)
    {
        windows = [];
        field = null;
        detail = null;
        if (bodies is null)
        {
            field = "weeklyAvailability";
            detail = "weeklyAvailability is required (it may be empty).";
            return false;
        }

        for (var i = 0; i < bodies.Count; i++)
        {
            var path = $"weeklyAvailability[{i}]";
            var body = bodies[i];
            if (body?.Day is not { } dayText
                || !Enum.TryParse<DayOfWeek>(dayText, ignoreCase: true, out var day)
                || !Enum.IsDefined(day)
                || dayText.Any(char.IsDigit))
            {
                (field, detail) = ($"{path}.day", $"{path}.day must be a day name such as 'monday'.");
                return false;
            }

            if (!TimeOnly.TryParseExact(body.Start, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
            {
                (field, detail) = ($"{path}.start", $"{path}.start must be a local time HH:mm.");
                return false;
            }

            if (!TimeOnly.TryParseExact(body.End, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
            {
                (field, detail) = ($"{path}.end", $"{path}.end must be a local time HH:mm.");
                return false;
            }

            windows.Add(new AvailabilityWindow(day, start, end));
        }

        return true;
    }
}
