namespace AdaptiveMooc.Grains.Abstractions.Webinars;

[GenerateSerializer]
[Alias("mooc.webinar.definition")]
public sealed record WebinarDefinition(
    [property: Id(0)] string Title,
    [property: Id(1)] DateTimeOffset Start,
    [property: Id(2)] int Minutes,
    [property: Id(3)] int Capacity,
    [property: Id(4)] Uri JoinUrl,
    [property: Id(5)] string CreatedBy);
