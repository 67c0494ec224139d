using Microsoft.ML.Data;

namespace AdaptiveMooc.ML.Ranking;

/// <summary>One (query, candidate) training row: relevance label, query group and features.</summary>
public sealed class RankingRow
{
    public float Label { get; set; }

    public uint GroupId { get; set; }

    [VectorType(RankingFeatures.Count)]
    public float[] Features { get; set; } = [];
}
