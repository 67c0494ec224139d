using AdaptiveMooc.Grains.Abstractions.Common;

namespace AdaptiveMooc.Grains.Abstractions.Learners;

/// <summary>Time zone and weekly-window rules, shared by the API edge and the learner grain.</summary>
public static class AvailabilityValidator
{
    public const int MaxWindows = 56;

    /// <summary>Null when <paramref name="timeZone"/> (if given) is a known IANA zone and the windows are well formed and disjoint.</summary>
    public static CommandResult? Validate(string? timeZone, IReadOnlyList<AvailabilityWindow>? windows)
    {
        if (timeZone is not null && !IsIanaTimeZone(timeZone))
        {
            return CommandResult.Invalid("timezone", $"'{timeZone}' is not an IANA time zone such as 'Europe/Paris'.");
        }

        if (windows is null)
        {
            return CommandResult.Invalid("weeklyAvailability", "weeklyAvailability is required (it may be empty).");
        }

        if (windows.Count > MaxWindows)
        {
            return CommandResult.Invalid("weeklyAvailability", $"weeklyAvailability holds at most {MaxWindows} windows.");
        }

        for (var i = 0; i < windows.Count; i++)
        {
            var w = windows[i];
            if (w is null || !Enum.IsDefined(w.Day))
            {
                return CommandResult.Invalid($"weeklyAvailability[{i}].day", $"weeklyAvailability[{i}].day must be a day name such as 'monday'.");
            }

            if (w.Start >= w.End)
            {
                return CommandResult.Invalid(
                    $"weeklyAvailability[{i}]",
                    $"weeklyAvailability[{i}]: start must be before end (a window never crosses midnight: give two).");
            }

            for (var j = 0; j < i; j++)
            {
                var other = windows[j];
                if (other.Day == w.Day && w.Start < other.End && other.Start < w.End)
                {
                    return CommandResult.Invalid($"weeklyAvailability[{i}]", $"weeklyAvailability[{i}] overlaps weeklyAvailability[{j}].");
                }
            }
        }

        return null;
    }

    public static bool IsIanaTimeZone(string id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64)
        {
            return false;
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(id, out _))
        {
            return false;
        }

        // Windows ids ("Romance Standard Time") also resolve on some systems; the contract asks for IANA names.
        return id == "UTC" || TimeZoneInfo.TryConvertIanaIdToWindowsId(id, out _);
    }
}
