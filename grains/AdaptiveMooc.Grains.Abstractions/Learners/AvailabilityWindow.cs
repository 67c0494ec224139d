namespace AdaptiveMooc.Grains.Abstractions.Learners;

/// <summary>A weekly window in the learner's local time; never crosses midnight (give two windows).</summary>
[GenerateSerializer]
[Alias("mooc.AvailabilityWindow")]
public sealed record AvailabilityWindow(
    [property: Id(0)] DayOfWeek Day,
    [property: Id(1)] TimeOnly Start,
    [property: Id(2)] TimeOnly End);
