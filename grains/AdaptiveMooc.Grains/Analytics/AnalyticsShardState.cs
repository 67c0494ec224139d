using AdaptiveMooc.Grains.Abstractions.Analytics;

namespace AdaptiveMooc.Grains.Analytics;

/// <summary>Rows of the learners of one course in one shard: an eighth of the course's learners, each row bounded by the course.</summary>
[GenerateSerializer]
[Alias("mooc.AnalyticsShardState")]
internal sealed class AnalyticsShardState
{
    [Id(0)] public Dictionary<string, LearnerAnalyticsRow> Rows { get; set; } = new(StringComparer.Ordinal);
}
