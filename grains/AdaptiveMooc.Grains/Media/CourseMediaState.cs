using AdaptiveMooc.Grains.Abstractions.Media;

namespace AdaptiveMooc.Grains.Media;

[GenerateSerializer]
[Alias("mooc.CourseMediaState")]
internal sealed class CourseMediaState
{
    [Id(0)] public Dictionary<string, MediaFile> Files { get; set; } = new(StringComparer.Ordinal);

    [Id(1)] public long UsedBytes { get; set; }
}
