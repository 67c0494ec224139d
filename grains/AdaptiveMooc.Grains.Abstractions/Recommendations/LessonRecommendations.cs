namespace AdaptiveMooc.Grains.Abstractions.Recommendations;

/// <summary>Ranked next lessons and the model that ranked them (<c>prior-1</c> when no trained model serves).</summary>
[GenerateSerializer]
[Immutable]
[Alias("mooc.LessonRecommendations")]
public sealed record LessonRecommendations(
    [property: Id(0)] string ModelVersion,
    [property: Id(1)] IReadOnlyList<LessonRecommendation> Items);
