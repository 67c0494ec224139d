namespace AdaptiveMooc.Grains.Abstractions.Analytics;

/// <summary>The rows of a shard together with the version they are (read in one turn, so they match).</summary>
[GenerateSerializer]
[Alias("mooc.AnalyticsShardSnapshot")]
public sealed record AnalyticsShardSnapshot(
    [property: Id(0)] AnalyticsShardVersion Version,
    [property: Id(1)] IReadOnlyList<LearnerAnalyticsRow> Rows);
