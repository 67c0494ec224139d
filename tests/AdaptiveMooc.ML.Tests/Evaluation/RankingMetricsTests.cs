using AdaptiveMooc.ML.Evaluation;

namespace AdaptiveMooc.ML.Tests.Evaluation;

public sealed class RankingMetricsTests
{
    private static readonly string[] Ranked = ["a", "b", "c", "d", "e"];

    [Fact]
    public void Recall_counts_hits_in_the_first_k_over_the_target_size()
    {
        var target = new HashSet<string> { "b", "e", "z" };
        // k = 2: only b is a hit -> 1/3; k = 5: b and e -> 2/3 (z is never ranked).
        Assert.Equal(1.0 / 3, RankingMetrics.RecallAtK(Ranked, target, 2), 12);
        Assert.Equal(2.0 / 3, RankingMetrics.RecallAtK(Ranked, target, 5), 12);
        Assert.Equal(2.0 / 3, RankingMetrics.RecallAtK(Ranked, target, 10), 12);
    }

    [Fact]
    public void Ndcg_matches_a_hand_computed_value()
    {
        var target = new HashSet<string> { "b", "e", "z" };
        // DCG@5 = 1/log2(3) + 1/log2(6) = 0.63093 + 0.38685 = 1.01778
        // IDCG over min(5, 3) = 3 items = 1 + 0.63093 + 0.5 = 2.13093; NDCG = 0.477624
        Assert.Equal(1.0177825608, RankingMetrics.NdcgAtK(Ranked, target, 5) * 2.1309297536, 8);
        Assert.Equal(0.4776237, RankingMetrics.NdcgAtK(Ranked, target, 5), 6);
    }

    [Fact]
    public void Ndcg_ideal_is_taken_over_at_most_k_items()
    {
        // Target larger than k: a perfect top-2 scores 1 although 2 of 4 targets are missed.
        var target = new HashSet<string> { "a", "b", "x", "y" };
        Assert.Equal(1.0, RankingMetrics.NdcgAtK(Ranked, target, 2), 12);
        Assert.Equal(0.5, RankingMetrics.RecallAtK(Ranked, target, 2), 12);
    }

    [Fact]
    public void A_single_target_at_rank_three_gives_half_ndcg()
    {
        var target = new HashSet<string> { "c" };
        // 1/log2(4) = 0.5, ideal 1.
        Assert.Equal(0.5, RankingMetrics.NdcgAtK(Ranked, target, 10), 12);
        Assert.Equal(1.0, RankingMetrics.RecallAtK(Ranked, target, 3), 12);
        Assert.Equal(0.0, RankingMetrics.RecallAtK(Ranked, target, 2), 12);
    }

    [Fact]
    public void Misses_and_empty_targets_score_zero()
    {
        Assert.Equal(0.0, RankingMetrics.NdcgAtK(Ranked, new HashSet<string> { "q" }, 10));
        Assert.Equal(0.0, RankingMetrics.RecallAtK(Ranked, new HashSet<string>(), 10));
    }

    [Fact]
    public void Repeated_items_earn_their_gain_once()
    {
        string[] repeated = ["a", "a", "a"];
        var target = new HashSet<string> { "a", "b" };
        Assert.Equal(0.5, RankingMetrics.RecallAtK(repeated, target, 3), 12);
        Assert.Equal(1.0 / (1 + 1 / Math.Log2(3)), RankingMetrics.NdcgAtK(repeated, target, 3), 12);
    }
}
