namespace AdaptiveMooc.Grains.Abstractions.Analytics;

/// <summary>Learners with at least one statement in the UTC week starting <see cref="WeekStart"/> (a Monday), up to asOf.</summary>
[GenerateSerializer]
[Alias("mooc.WeeklyActivity")]
public sealed record WeeklyActivity(
    [property: Id(0)] DateOnly WeekStart,
    [property: Id(1)] int ActiveLearners);
