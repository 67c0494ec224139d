namespace AdaptiveMooc.Grains.Abstractions.Media;

/// <summary>What one course may hold (configured at the API, <c>Mooc:Media</c>; docs/CONTENT.md).</summary>
[GenerateSerializer]
[Immutable]
[Alias("mooc.MediaLimits")]
public sealed record MediaLimits(
    [property: Id(0)] long MaxCourseBytes,
    [property: Id(1)] int MaxCourseFiles);
