namespace AdaptiveMooc.ML.Evaluation;

/// <summary>
/// Metrics for binary predictions (score or probability against a 0/1 label). Every ranking metric
/// sorts once (O(n log n)) and treats tied scores as one group, so the figures never depend on the
/// input order of equal scores.
/// </summary>
public static class BinaryMetrics
{
    /// <summary>
    /// ROC AUC as the Mann–Whitney statistic: the probability that a random positive scores above a
    /// random negative, ties counting one half. NaN when either class is absent.
    /// </summary>
    public static double Auc(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var order = SortedDescending(scores, labels);
        long positives = 0, negatives = 0;
        foreach (var label in labels)
        {
            if (label) positives++; else negatives++;
        }
        if (positives == 0 || negatives == 0) return double.NaN;

        // Walk from the highest score down: each negative beats nothing and loses to every positive
        // already seen; a tied group shares half credit between its own positives and negatives.
        double wins = 0;
        long positivesAbove = 0;
        var i = 0;
        while (i < order.Length)
        {
            var j = i;
            long groupPositives = 0, groupNegatives = 0;
            while (j < order.Length && scores[order[j]] == scores[order[i]])
            {
                if (labels[order[j]]) groupPositives++; else groupNegatives++;
                j++;
            }
            wins += groupNegatives * (positivesAbove + 0.5 * groupPositives);
            positivesAbove += groupPositives;
            i = j;
        }
        return wins / ((double)positives * negatives);
    }

    /// <summary>
    /// PR AUC as average precision: Σ over distinct score thresholds (highest first) of
    /// (recall gain) × (precision at that threshold); tied scores enter together. NaN without positives.
    /// </summary>
    public static double AveragePrecision(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var order = SortedDescending(scores, labels);
        long positives = labels.LongCount(l => l);
        if (positives == 0) return double.NaN;

        double ap = 0;
        long truePositives = 0, taken = 0;
        var i = 0;
        while (i < order.Length)
        {
            var j = i;
            long groupPositives = 0;
            while (j < order.Length && scores[order[j]] == scores[order[i]])
            {
                if (labels[order[j]]) groupPositives++;
                j++;
            }
            truePositives += groupPositives;
            taken += j - i;
            if (groupPositives > 0)
            {
                ap += (double)groupPositives / positives * ((double)truePositives / taken);
            }
            i = j;
        }
        return ap;
    }

    /// <summary>Root mean squared error of probabilities against 0/1 labels. NaN when empty.</summary>
    public static double Rmse(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels)
    {
        CheckSameLength(probabilities, labels);
        if (probabilities.Count == 0) return double.NaN;
        double sum = 0;
        for (var i = 0; i < probabilities.Count; i++)
        {
            var error = probabilities[i] - (labels[i] ? 1.0 : 0.0);
            sum += error * error;
        }
        return Math.Sqrt(sum / probabilities.Count);
    }

    /// <summary>
    /// Share of all positives found among the ceil(fraction × n) highest scores (e.g. 0.2 for the top
    /// 20%). A tied group straddling the cut is taken pro rata (the expected value under a random
    /// tie break), so the result is deterministic. NaN without positives.
    /// </summary>
    public static double RecallAtTopFraction(IReadOnlyList<double> scores, IReadOnlyList<bool> labels, double fraction)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fraction, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fraction, 1.0);
        var order = SortedDescending(scores, labels);
        long positives = labels.LongCount(l => l);
        if (positives == 0) return double.NaN;

        var budget = (long)Math.Ceiling(fraction * order.Length - 1e-9);
        double found = 0;
        var i = 0;
        while (i < order.Length && budget > 0)
        {
            var j = i;
            long groupPositives = 0;
            while (j < order.Length && scores[order[j]] == scores[order[i]])
            {
                if (labels[order[j]]) groupPositives++;
                j++;
            }
            long size = j - i;
            var take = Math.Min(size, budget);
            found += groupPositives * ((double)take / size);
            budget -= take;
            i = j;
        }
        return found / positives;
    }

    private static int[] SortedDescending(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        CheckSameLength(scores, labels);
        var order = new int[scores.Count];
        var keys = new double[scores.Count];
        for (var i = 0; i < order.Length; i++)
        {
            if (double.IsNaN(scores[i])) throw new ArgumentException($"score {i} is NaN", nameof(scores));
            order[i] = i;
            keys[i] = -scores[i];
        }
        Array.Sort(keys, order);
        return order;
    }

    private static void CheckSameLength(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(labels);
        if (scores.Count != labels.Count)
        {
            throw new ArgumentException($"{scores.Count} scores but {labels.Count} labels", nameof(labels));
        }
    }
}
