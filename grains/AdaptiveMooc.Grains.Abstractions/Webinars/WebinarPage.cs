namespace AdaptiveMooc.Grains.Abstractions.Webinars;

[GenerateSerializer]
[Alias("mooc.webinar.page")]
public sealed record WebinarPage(
    [property: Id(0)] IReadOnlyList<WebinarView> Items,
    [property: Id(1)] string? Next);
