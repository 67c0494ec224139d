namespace AdaptiveMooc.Grains.Planning;

/// <summary>
/// Turns wall-clock times of a learner's zone into instants, deciding what daylight-saving gaps and
/// overlaps mean for a study window: a time that does not exist moves to the first one that does, and a
/// time that exists twice resolves so every instant of the window reads, on the learner's clock, as a
/// time inside the window they declared.
/// </summary>
internal static class LocalClock
{
    /// <summary>Finds an IANA zone; null when the system does not know it.</summary>
    public static TimeZoneInfo? FindZone(string ianaId)
    {
        if (string.IsNullOrWhiteSpace(ianaId))
        {
            return null;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(ianaId);
        }
        catch (TimeZoneNotFoundException)
        {
            return null;
        }
        catch (InvalidTimeZoneException)
        {
            return null;
        }
    }

    /// <summary>
    /// The instant of a local wall-clock time. <paramref name="earliest"/> picks the first of two
    /// occurrences in a fall-back overlap, otherwise the second.
    /// </summary>
    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone, bool earliest)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var wall = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);

        // Gaps are at most a few hours (a whole day for Samoa in 2011); stepping by minutes finds the
        // transition exactly without depending on how the adjustment rules are expressed.
        var steps = 0;
        while (zone.IsInvalidTime(wall) && steps < 2 * 24 * 60)
        {
            wall = wall.AddMinutes(1);
            steps++;
        }

        TimeSpan offset;
        if (zone.IsAmbiguousTime(wall))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(wall);
            // The larger offset is the earlier instant of the two.
            offset = earliest ? offsets.Max() : offsets.Min();
        }
        else
        {
            offset = zone.GetUtcOffset(wall);
        }

        return new DateTimeOffset(wall, offset);
    }

    /// <summary>
    /// The instants of a window on one local date. A start in a fall-back overlap takes its second
    /// occurrence and an end its first, so the repeated hour never brings in clock times outside the
    /// window; a window lying wholly inside the repeated hour uses its first occurrence. Null when the
    /// window does not exist that day (it lies in a spring-forward gap).
    /// </summary>
    public static (DateTimeOffset Start, DateTimeOffset End)? Window(DateOnly date, TimeOnly start, TimeOnly end, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var from = ToInstant(date.ToDateTime(start), zone, earliest: false);
        var to = ToInstant(date.ToDateTime(end), zone, earliest: true);
        if (to <= from)
        {
            from = ToInstant(date.ToDateTime(start), zone, earliest: true);
        }

        return to > from ? (from, to) : null;
    }

    /// <summary>The instant shown with the zone's offset at that instant.</summary>
    public static DateTimeOffset InZone(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone);

    /// <summary>The local calendar date of an instant.</summary>
    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(InZone(instant, zone).DateTime);

    /// <summary>The instant a local day ends (midnight starting the next day).</summary>
    public static DateTimeOffset EndOfDay(DateOnly date, TimeZoneInfo zone) =>
        ToInstant(date.AddDays(1).ToDateTime(TimeOnly.MinValue), zone, earliest: true);
}
