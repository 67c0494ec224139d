namespace AdaptiveMooc.Grains.Recommendations;

[GenerateSerializer]
[Alias("mooc.CourseRankingState")]
internal sealed class CourseRankingState
{
    /// <summary>JSON of <c>CourseRankingStatsSnapshot</c>: bounded by the course's lessons, weeks and days.</summary>
    [Id(0)] public string? Snapshot { get; set; }

    [Id(1)] public long Observations { get; set; }
}
