using AdaptiveMooc.Grains.Abstractions.Courses;

namespace AdaptiveMooc.Grains.Courses;

[GenerateSerializer]
[Alias("mooc.CatalogueState")]
internal sealed class CatalogueState
{
    [Id(0)] public Dictionary<string, CourseSummary> Courses { get; set; } = new(StringComparer.Ordinal);
}
