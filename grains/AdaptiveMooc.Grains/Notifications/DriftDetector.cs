using AdaptiveMooc.Grains.Abstractions.Learners;

namespace AdaptiveMooc.Grains.Notifications;

/// <summary>
/// Decides whether a learner has drifted from their own plan: planned sessions that ended with no
/// activity on their lessons since they began, or more days without activity than their declared rhythm allows (twice
/// the average gap between the days they said they would study, at least two days).
/// </summary>
internal static class DriftDetector
{
    public static readonly TimeSpan ShortestAllowedGap = TimeSpan.FromDays(2);

    /// <summary>
    /// Whether a planned session that ended was attended: the course had activity at or after its start and
    /// one of its lessons was started or completed. Otherwise it was missed.
    /// </summary>
    public static bool Attended(DateTimeOffset sessionStart, IReadOnlyList<string> lessonIds, CourseProgress? progress) =>
        progress is { LastActivity: { } last } && last >= sessionStart
        && lessonIds.Any(l => progress.StartedLessons.Contains(l) || progress.CompletedLessons.Contains(l));

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
