namespace AdaptiveMooc.Grains.Abstractions.Webinars;

/// <summary>One learner registered for a webinar, and when they attended (null: not recorded).</summary>
[GenerateSerializer]
[Alias("mooc.webinar.registration")]
public sealed record WebinarRegistrationView(
    [property: Id(0)] string LearnerId,
    [property: Id(1)] DateTimeOffset RegisteredAt,
    [property: Id(2)] DateTimeOffset? AttendedAt);
