namespace AdaptiveMooc.Grains.Abstractions.Recommendations;

/// <summary>A course's ranking statistics as JSON of the ML <c>CourseRankingStatsSnapshot</c>, and how many observations they hold.</summary>
[GenerateSerializer]
[Alias("mooc.CourseRankingSnapshot")]
public sealed record CourseRankingSnapshot(
    [property: Id(0)] string Json,
    [property: Id(1)] long Observations);
