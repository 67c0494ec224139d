namespace AdaptiveMooc.Grains.Abstractions.Recommendations;

/// <summary>
/// One recommended lesson, its score in [0, 1] and reason codes (docs/PLANNING.md), with what a client
/// needs to show it without looking the lesson up: its title, kind, minutes and content link (null
/// when the lesson has none).
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("mooc.LessonRecommendation")]
public sealed record LessonRecommendation(
    [property: Id(0)] string LessonId,
    [property: Id(1)] double Score,
    [property: Id(2)] IReadOnlyList<string> Reasons,
    [property: Id(3)] string Title,
    [property: Id(4)] string Kind,
    [property: Id(5)] int Minutes,
    [property: Id(6)] string? ContentUrl);
