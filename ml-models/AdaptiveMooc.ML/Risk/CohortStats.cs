namespace AdaptiveMooc.ML.Risk;

/// <summary>
/// Sorted values of the cohort-normalised features over one course's enrolled learners at one day:
/// a learner's percentile is its mid-rank among them (ties count half), O(log n) per lookup.
/// </summary>
public sealed class CohortStats
{
    private readonly float[][] _sorted;

    private CohortStats(float[][] sorted) => _sorted = sorted;

    public int Size => _sorted.Length == 0 ? 0 : _sorted.Max(s => s.Length);

    /// <summary>Builds the cohort from the raw vectors of every learner scored together.</summary>
    public static CohortStats From(IEnumerable<float[]> rawVectors)
    {
        ArgumentNullException.ThrowIfNull(rawVectors);
        var columns = RiskFeatures.CohortSources.Select(_ => new List<float>()).ToArray();
        foreach (var raw in rawVectors)
        {
            for (var i = 0; i < columns.Length; i++)
            {
                var v = raw[RiskFeatures.CohortSources[i]];
                if (!float.IsNaN(v))
                {
                    columns[i].Add(v);
                }
            }
        }

        return new CohortStats([.. columns.Select(c => { var a = c.ToArray(); Array.Sort(a); return a; })]);
    }

    /// <summary>Mid-rank percentile in [0, 1] of <paramref name="value"/> in column <paramref name="column"/>; NaN when unknown.</summary>
    public float Percentile(int column, float value)
    {
        var sorted = _sorted[column];
        if (float.IsNaN(value) || sorted.Length == 0)
        {
            return float.NaN;
        }

        var below = LowerBound(sorted, value);
        var upTo = UpperBound(sorted, value);
        return (float)((below + 0.5 * (upTo - below)) / sorted.Length);
    }

    private static int LowerBound(float[] a, float v)
    {
        int lo = 0, hi = a.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (a[mid] < v)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static int UpperBound(float[] a, float v)
    {
        int lo = 0, hi = a.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (a[mid] <= v)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
