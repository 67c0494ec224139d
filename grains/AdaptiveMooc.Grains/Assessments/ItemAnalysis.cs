using System.Globalization;
using AdaptiveMooc.Grains.Abstractions.Assessments;

namespace AdaptiveMooc.Grains.Assessments;

/// <summary>The statistics of docs/ASSESSMENTS.md, "Item analysis", from an item's sums.</summary>
internal static class ItemAnalysis
{
    private const int MinPredicted = IItemAnalysisGrain.MinPredicted;
    private const double ZThreshold = IItemAnalysisGrain.ZThreshold;
    private const double MinGap = IItemAnalysisGrain.MinGap;

    public static void Add(ItemSums sums, ItemOutcome outcome)
    {
        var x = outcome.Correct ? 1 : 0;
        sums.N++;
        sums.Correct += x;
        if (outcome.RestScore is { } y)
        {
            sums.PairN++;
            sums.PairCorrect += x;
            sums.SumY += y;
            sums.SumY2 += y * y;
            sums.SumXY += x * y;
        }

        if (outcome.Predicted is { } p)
        {
            sums.PredictedN++;
            sums.PredictedCorrect += x;
            sums.SumP += p;
            sums.SumPQ += p * (1 - p);
        }
    }

    public static ItemStatistics Of(string itemId, ItemSums sums)
    {
        double? discrimination = null;
        if (sums.PairN >= 2)
        {
            // Pearson's r of a 0/1 variable with the rest score, which is the point-biserial correlation.
            double n = sums.PairN, sx = sums.PairCorrect;
            var varX = (n * sx) - (sx * sx);
            var varY = (n * sums.SumY2) - (sums.SumY * sums.SumY);
            if (varX > 0 && varY > 1e-12)
            {
                discrimination = Math.Round(((n * sums.SumXY) - (sx * sums.SumY)) / Math.Sqrt(varX * varY), 4);
            }
        }

        double? expected = null, observed = null, z = null;
        var outOfLine = false;
        string? reason = null;
        if (sums.PredictedN > 0)
        {
            expected = Math.Round(sums.SumP / sums.PredictedN, 4);
            observed = Math.Round((double)sums.PredictedCorrect / sums.PredictedN, 4);
            if (sums.SumPQ > 1e-9)
            {
                z = Math.Round((sums.PredictedCorrect - sums.SumP) / Math.Sqrt(sums.SumPQ), 2);
            }

            if (sums.PredictedN >= MinPredicted && z is { } zz && Math.Abs(zz) >= ZThreshold && Math.Abs(observed.Value - expected.Value) >= MinGap)
            {
                outOfLine = true;
                reason = string.Create(CultureInfo.InvariantCulture,
                    $"{(zz < 0 ? "Harder" : "Easier")} than its skills predict: {observed.Value:P0} correct where the knowledge-tracing model expects {expected.Value:P0} from these {sums.PredictedN} learners' mastery (z = {zz:0.0}); check its key, wording and skill tags.");
            }
        }

        return new ItemStatistics(
            itemId, sums.N, sums.N == 0 ? 0 : Math.Round((double)sums.Correct / sums.N, 4), discrimination,
            sums.PredictedN, expected, observed, z, outOfLine, reason);
    }
}
