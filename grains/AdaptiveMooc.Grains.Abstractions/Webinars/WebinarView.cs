namespace AdaptiveMooc.Grains.Abstractions.Webinars;

[GenerateSerializer]
[Alias("mooc.webinar.view")]
public sealed record WebinarView(
    [property: Id(0)] string CourseId,
    [property: Id(1)] Guid WebinarId,
    [property: Id(2)] string Title,
    [property: Id(3)] DateTimeOffset Start,
    [property: Id(4)] int Minutes,
    [property: Id(5)] int Capacity,
    [property: Id(6)] Uri JoinUrl,
    [property: Id(7)] int Registered,
    [property: Id(8)] string CreatedBy,
    [property: Id(9)] DateTimeOffset CreatedAt);
