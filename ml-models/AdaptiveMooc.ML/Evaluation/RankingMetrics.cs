namespace AdaptiveMooc.ML.Evaluation;

/// <summary>
/// Top-k ranking metrics with binary relevance, as the next-lesson protocol defines them:
/// Recall@k = hits in the first k / |target|; NDCG@k = DCG@k / ideal DCG, gains 1 for a relevant item,
/// discount 1/log2(rank + 1), ideal DCG over min(k, |target|) relevant items.
/// </summary>
public static class RankingMetrics
{
    /// <summary>Recall@k of one ranked list; 0 when the target is empty.</summary>
    public static double RecallAtK<T>(IReadOnlyList<T> ranked, IReadOnlySet<T> target, int k)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        if (target.Count == 0)
        {
            return 0;
        }

        return (double)Hits(ranked, target, k) / target.Count;
    }

    /// <summary>NDCG@k of one ranked list with binary gains; 0 when the target is empty.</summary>
    public static double NdcgAtK<T>(IReadOnlyList<T> ranked, IReadOnlySet<T> target, int k)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        if (target.Count == 0)
        {
            return 0;
        }

        var dcg = 0.0;
        var seen = new HashSet<T>();
        var limit = Math.Min(k, ranked.Count);
        for (var i = 0; i < limit; i++)
        {
            // A repeated item earns its gain once, so a list cannot beat the ideal by repeating hits.
            if (target.Contains(ranked[i]) && seen.Add(ranked[i]))
            {
                dcg += 1.0 / Math.Log2(i + 2);
            }
        }

        var ideal = 0.0;
        var relevant = Math.Min(k, target.Count);
        for (var i = 0; i < relevant; i++)
        {
            ideal += 1.0 / Math.Log2(i + 2);
        }

        return dcg / ideal;
    }

    private static int Hits<T>(IReadOnlyList<T> ranked, IReadOnlySet<T> target, int k)
    {
        var seen = new HashSet<T>();
        var hits = 0;
        var limit = Math.Min(k, ranked.Count);
        for (var i = 0; i < limit; i++)
        {
            if (target.Contains(ranked[i]) && seen.Add(ranked[i]))
            {
                hits++;
            }
        }

        return hits;
    }
}
