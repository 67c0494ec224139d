namespace AdaptiveMooc.Grains.Abstractions.Courses;

/// <summary>
/// Catalogue filters. <see cref="VisibleToTrainerId"/>: unpublished courses are listed only for their
/// trainers; <see cref="IncludeAllUnpublished"/> (admins) lists every course.
/// </summary>
[GenerateSerializer]
[Alias("mooc.CatalogueQuery")]
public sealed record CatalogueQuery(
    [property: Id(0)] string? Field,
    [property: Id(1)] string? PricingKind,
    [property: Id(2)] string? Text,
    [property: Id(3)] string? After,
    [property: Id(4)] int Limit,
    [property: Id(5)] string? VisibleToTrainerId,
    [property: Id(6)] bool IncludeAllUnpublished);
