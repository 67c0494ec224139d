using AdaptiveMooc.Grains.Abstractions.Analytics;

namespace AdaptiveMooc.Grains.Analytics;

/// <summary>Rows of the learners of one course in one shard: an eighth of the course's learners, each row bounded by the course.</summary>
[GenerateSerializer]
[Alias("mooc.AnalyticsShardState")]
internal sealed class AnalyticsShardState
{
    /// <summary>Rows track <see cref="LearnerAnalyticsRow.LastSequence"/> (and mastery points) from this format on.</summary>
    public const int SequencedFormat = 1;

    [Id(0)] public Dictionary<string, LearnerAnalyticsRow> Rows { get; set; } = new(StringComparer.Ordinal);

    /// <summary>0 for shards written before rows tracked sequences: their rows are refolded from the store once.</summary>
    [Id(1)] public int Format { get; set; }
}
