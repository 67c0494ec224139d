using Microsoft.ML.Data;

namespace AdaptiveMooc.ML.Ranking;

/// <summary>What the saved ranking model reads when it scores one candidate.</summary>
public sealed class RankingInput
{
    [VectorType(RankingFeatures.Count)]
    public float[] Features { get; set; } = [];
}
