using AdaptiveMooc.Grains.Abstractions.Planning;

namespace AdaptiveMooc.Grains.Planning;

/// <summary>
/// The kept learner plan: sessions ahead (at most <see cref="IPlanGrain.MaxWeeks"/> weeks), the recent
/// past with its status (at most <see cref="LearnerPlanGrain.HistoryLimit"/>), one outlook per course,
/// and the hash of the calendar feed token. Bounded by the weeks a plan spans, never by activity.
/// </summary>
[GenerateSerializer]
[Alias("mooc.LearnerPlanState")]
internal sealed class LearnerPlanState
{
    [Id(0)]
    public List<LearnerPlanSession> Planned { get; set; } = [];

    [Id(1)]
    public List<LearnerPlanSession> History { get; set; } = [];

    [Id(2)]
    public List<StoredOutlook> Courses { get; set; } = [];

    [Id(3)]
    public double DeclaredWeeklyHours { get; set; }

    [Id(4)]
    public DateTimeOffset? PlannedAt { get; set; }

    /// <summary>Everything the plan depends on except the clock; a different key means replan.</summary>
    [Id(5)]
    public string? InputsKey { get; set; }

    /// <summary>Key of the open <see cref="ICalendarFeedGrain"/> (the token's hash), if any.</summary>
    [Id(6)]
    public string? FeedKey { get; set; }
}
