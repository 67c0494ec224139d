namespace AdaptiveMooc.Grains.Notifications;

/// <summary>
/// Decides whether a learner has drifted from their own plan: planned sessions that ended with no
/// activity since they began, or more days without activity than their declared rhythm allows (twice
/// the average gap between the days they said they would study, at least two days).
/// </summary>
internal static class DriftDetector
{
    public static readonly TimeSpan ShortestAllowedGap = TimeSpan.FromDays(2);

    /// <summary>Planned sessions (start, end) already over with no activity at or after their start.</summary>
    public static IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> MissedSessions(
        IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> planned,
        DateTimeOffset? lastActivity,
        DateTimeOffset now) =>
        planned
            .Where(s => s.End <= now && (lastActivity is not { } last || last < s.Start))
            .OrderBy(s => s.Start)
            .ToList();

    /// <summary>The longest gap without activity the learner's declared study days allow; null without any.</summary>
    public static TimeSpan? AllowedGap(IEnumerable<DayOfWeek> studyDays)
    {
        var days = studyDays.Distinct().Count();
        if (days == 0)
        {
            return null;
        }

        var gap = TimeSpan.FromDays(2 * 7.0 / days);
        return gap < ShortestAllowedGap ? ShortestAllowedGap : gap;
    }

    /// <summary>Whole days inactive beyond what the rhythm allows, or 0.</summary>
    public static int DaysInactive(DateTimeOffset? lastActivity, DateTimeOffset since, DateTimeOffset now, TimeSpan? allowedGap)
    {
        if (allowedGap is not { } allowed)
        {
            return 0;
        }

        var from = lastActivity is { } last && last > since ? last : since;
        var idle = now - from;
        return idle > allowed ? (int)idle.TotalDays : 0;
    }
}
