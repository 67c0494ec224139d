namespace AdaptiveMooc.Grains.Abstractions.Recommendations;

/// <summary>One recommended lesson, its score in [0, 1] and reason codes (docs/PLANNING.md).</summary>
[GenerateSerializer]
[Immutable]
[Alias("mooc.LessonRecommendation")]
public sealed record LessonRecommendation(
    [property: Id(0)] string LessonId,
    [property: Id(1)] double Score,
    [property: Id(2)] IReadOnlyList<string> Reasons);
