namespace AdaptiveMooc.ML.Ranking;

/// <summary>The ranking model's output for one candidate (higher ranks first).</summary>
public sealed class RankingScore
{
    public float Score { get; set; }
}
