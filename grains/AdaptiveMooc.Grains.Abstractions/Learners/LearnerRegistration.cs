namespace AdaptiveMooc.Grains.Abstractions.Learners;

/// <summary>
/// A validated registration. <see cref="PasswordHash"/> is computed at the API edge with ASP.NET Core
/// Identity's <c>PasswordHasher&lt;T&gt;</c>; the clear password never reaches a grain.
/// </summary>
[GenerateSerializer]
[Alias("mooc.LearnerRegistration")]
public sealed record LearnerRegistration(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Email,
    [property: Id(3)] string PasswordHash,
    [property: Id(4)] string TimeZone,
    [property: Id(5)] IReadOnlyList<AvailabilityWindow> WeeklyAvailability);
