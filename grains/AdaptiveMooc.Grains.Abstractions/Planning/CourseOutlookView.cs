namespace AdaptiveMooc.Grains.Abstractions.Planning;

/// <summary>One course of a learner's plan.</summary>
/// <param name="CourseId">The course.</param>
/// <param name="OnTrack">The projection meets the target date and every due date ahead.</param>
/// <param name="ProjectedCompletion">When its remaining lessons would be done with the time the plan gives it; null when never.</param>
/// <param name="WeeklyHoursNeeded">Weekly hours its dates need (without dates: the pace the plan keeps).</param>
/// <param name="WeeklyHoursPlanned">Weekly hours the plan gives it over the weeks shown.</param>
/// <param name="Explanation">Why it got the time it got.</param>
/// <param name="ProgressVersion">Statements applied to its progress when the plan was made.</param>
[GenerateSerializer]
[Alias("mooc.CourseOutlookView")]
public sealed record CourseOutlookView(
    [property: Id(0)] string CourseId,
    [property: Id(1)] bool OnTrack,
    [property: Id(2)] DateTimeOffset? ProjectedCompletion,
    [property: Id(3)] double WeeklyHoursNeeded,
    [property: Id(4)] double WeeklyHoursPlanned,
    [property: Id(5)] string Explanation,
    [property: Id(6)] long ProgressVersion);
