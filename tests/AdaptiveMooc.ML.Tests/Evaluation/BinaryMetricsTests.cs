using AdaptiveMooc.ML.Evaluation;

namespace AdaptiveMooc.ML.Tests.Evaluation;

public sealed class BinaryMetricsTests
{
    private const bool T = true;
    private const bool F = false;

    [Fact]
    public void Auc_counts_ordered_pairs()
    {
        // positives {0.9, 0.7} vs negatives {0.8, 0.6}: 3 of 4 pairs ordered.
        Assert.Equal(0.75, BinaryMetrics.Auc([0.9, 0.8, 0.7, 0.6], [T, F, T, F]), 12);
    }

    [Fact]
    public void Auc_gives_ties_half_credit()
    {
        // positives {0.5, 0.5} vs negatives {0.5, 0.2}: 2 tied pairs (0.5 each) + 2 wins = 3 / 4.
        Assert.Equal(0.75, BinaryMetrics.Auc([0.5, 0.5, 0.5, 0.2], [T, F, T, F]), 12);
        // positives {0.7, 0.1, 0.7} vs negatives {0.3, 0.7}: each 0.7 gets 1 + 0.5, 0.1 gets 0 = 3 / 6.
        Assert.Equal(0.5, BinaryMetrics.Auc([0.3, 0.7, 0.7, 0.1, 0.7], [F, T, F, T, T]), 12);
        Assert.Equal(0.5, BinaryMetrics.Auc([0.4, 0.4, 0.4], [T, F, F]), 12);
    }

    [Fact]
    public void Auc_is_one_for_perfect_and_zero_for_reversed_ranking()
    {
        Assert.Equal(1.0, BinaryMetrics.Auc([0.9, 0.1, 0.8, 0.2], [T, F, T, F]), 12);
        Assert.Equal(0.0, BinaryMetrics.Auc([0.1, 0.9, 0.2, 0.8], [T, F, T, F]), 12);
    }

    [Fact]
    public void Auc_does_not_depend_on_input_order_of_ties()
    {
        var a = BinaryMetrics.Auc([0.5, 0.5, 0.9, 0.1], [T, F, T, F]);
        var b = BinaryMetrics.Auc([0.1, 0.5, 0.5, 0.9], [F, F, T, T]);
        Assert.Equal(a, b, 12);
        Assert.Equal(7.0 / 8.0, a, 12);
    }

    [Fact]
    public void Auc_is_nan_with_one_class()
    {
        Assert.True(double.IsNaN(BinaryMetrics.Auc([0.1, 0.2], [T, T])));
    }

    [Fact]
    public void Average_precision_matches_hand_computation()
    {
        // threshold 0.9: precision 1, recall +1/2; threshold 0.7: precision 2/3, recall +1/2.
        Assert.Equal(0.5 + 1.0 / 3.0, BinaryMetrics.AveragePrecision([0.9, 0.8, 0.7, 0.6], [T, F, T, F]), 12);
    }

    [Fact]
    public void Average_precision_takes_tied_scores_together()
    {
        // one threshold 0.5 brings both positives with one negative: precision 2/3, recall 1.
        Assert.Equal(2.0 / 3.0, BinaryMetrics.AveragePrecision([0.5, 0.5, 0.5, 0.2], [T, F, T, F]), 12);
    }

    [Fact]
    public void Rmse_matches_hand_computation()
    {
        Assert.Equal(Math.Sqrt(0.1), BinaryMetrics.Rmse([0.8, 0.4], [T, F]), 12);
    }

    [Fact]
    public void Recall_in_top_fraction_counts_positives_above_the_cut()
    {
        // top 40% of 5 = 2 items: 0.9 (positive) and 0.8 (negative) → 1 of 3 positives.
        Assert.Equal(1.0 / 3.0, BinaryMetrics.RecallAtTopFraction([0.9, 0.8, 0.7, 0.6, 0.5], [T, F, T, F, T], 0.4), 12);
        Assert.Equal(1.0, BinaryMetrics.RecallAtTopFraction([0.9, 0.8, 0.7, 0.6, 0.5], [T, F, T, F, T], 1.0), 12);
    }

    [Fact]
    public void Recall_in_top_fraction_shares_a_tied_group_across_the_cut_pro_rata()
    {
        // cut = 2 items: 0.9 (negative), then 1 slot out of the tied group {0.5: T, T, F} → 2/3 positive
        // expected; 2/3 out of 3 positives = 2/9.
        Assert.Equal(2.0 / 9.0, BinaryMetrics.RecallAtTopFraction([0.9, 0.5, 0.5, 0.5, 0.1], [F, T, T, F, T], 0.4), 12);
    }

    [Fact]
    public void Mismatched_lengths_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => BinaryMetrics.Auc([0.1], [T, F]));
    }
}
