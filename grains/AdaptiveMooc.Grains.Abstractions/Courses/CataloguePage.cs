namespace AdaptiveMooc.Grains.Abstractions.Courses;

[GenerateSerializer]
[Alias("mooc.CataloguePage")]
public sealed record CataloguePage(
    [property: Id(0)] IReadOnlyList<CourseSummary> Items,
    [property: Id(1)] string? Next);
