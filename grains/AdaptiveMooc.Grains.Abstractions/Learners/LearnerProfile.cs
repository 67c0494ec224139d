namespace AdaptiveMooc.Grains.Abstractions.Learners;

[GenerateSerializer]
[Alias("mooc.LearnerProfile")]
public sealed record LearnerProfile(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Email,
    [property: Id(3)] string TimeZone,
    [property: Id(4)] IReadOnlyList<AvailabilityWindow> WeeklyAvailability,
    [property: Id(5)] DateTimeOffset RegisteredAt);
