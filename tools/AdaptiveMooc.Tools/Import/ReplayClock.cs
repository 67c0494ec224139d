namespace AdaptiveMooc.Tools.Import;

/// <summary>
/// Course time against real time for a live replay. Until the first segment, course time is real time
/// (what the import posted happened when the shifted calendar says). From a segment on, course time
/// runs <see cref="ReplaySegment.Speed"/> times as fast as real time, so an event of the course is
/// posted, with the real instant it is reached as its timestamp, once real time gets there: never in
/// the future, and always at the same instant for the same segments, so a replay that resumes writes
/// the statements it may send again exactly as before.
/// </summary>
internal sealed class ReplayClock
{
    private readonly ReplaySegment[] segments;

    public ReplayClock(IReadOnlyList<ReplaySegment> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        for (var i = 0; i < segments.Count; i++)
        {
            if (!(segments[i].Speed > 0))
            {
                throw new ArgumentException($"Segment {i}: speed must be positive.", nameof(segments));
            }

            if (i > 0 && (segments[i].RealStart < segments[i - 1].RealStart || segments[i].CourseStart < segments[i - 1].CourseStart))
            {
                throw new ArgumentException($"Segment {i} starts before segment {i - 1}.", nameof(segments));
            }
        }

        this.segments = [.. segments];
    }

    public IReadOnlyList<ReplaySegment> Segments => segments;

    /// <summary>The course instant reached at real instant <paramref name="now"/>.</summary>
    public DateTimeOffset CourseNow(DateTimeOffset now)
    {
        for (var i = segments.Length - 1; i >= 0; i--)
        {
            if (segments[i].RealStart <= now)
            {
                return segments[i].CourseStart + (now - segments[i].RealStart) * segments[i].Speed;
            }
        }

        return now;
    }

    /// <summary>The real instant at which course instant <paramref name="courseInstant"/> is reached.</summary>
    public DateTimeOffset RealTimeOf(DateTimeOffset courseInstant)
    {
        for (var i = segments.Length - 1; i >= 0; i--)
        {
            if (segments[i].CourseStart <= courseInstant)
            {
                // Rounded up to the tick, so that course time has reached the instant at the real time returned.
                var ticks = Math.Ceiling((courseInstant - segments[i].CourseStart).Ticks / segments[i].Speed);
                return segments[i].RealStart + TimeSpan.FromTicks((long)ticks);
            }
        }

        return courseInstant;
    }

    /// <summary>This clock, running at <paramref name="speed"/> from <paramref name="now"/> on (itself when it already does).</summary>
    public ReplayClock At(DateTimeOffset now, double speed) =>
        segments.Length > 0 && segments[^1].Speed.Equals(speed)
            ? this
            : new ReplayClock([.. segments, new ReplaySegment(now, CourseNow(now), speed)]);
}
