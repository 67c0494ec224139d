using AdaptiveMooc.ML.Events;

namespace AdaptiveMooc.ML.Practice;

/// <summary>
/// Fits a <see cref="ForgettingCurve"/> on timestamped answers: for every correct answer of a learner
/// on a skill followed by another answer on that skill, the gap in days and whether the later answer
/// was correct. Maximum likelihood over a grid (start and floor by 0.005, stability on a log scale from
/// 1 to 1,000 days), with gaps counted per whole day so the search is cheap. Learners are split by a
/// stable hash of their id: one in five is held out to score the curve against the constant rate.
/// </summary>
public static class ForgettingFit
{
    public static readonly int[] BinEdges = [0, 7, 14, 28, 56, 112, 100_000];

    public static ForgettingFitResult Fit(IEnumerable<LearningEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var train = new Dictionary<int, (int N, int Correct)>();
        var test = new Dictionary<int, (int N, int Correct)>();
        foreach (var learner in events
            .Where(e => e.Verb == LearningVerb.Answered && e.Success is not null)
            .GroupBy(e => e.LearnerId, StringComparer.Ordinal))
        {
            var target = StableHash(learner.Key) % 5 == 0 ? test : train;
            var last = new Dictionary<string, LearningEvent>(StringComparer.Ordinal);
            foreach (var e in learner.OrderBy(e => e.Timestamp))
            {
                foreach (var skill in e.Skills)
                {
                    if (last.TryGetValue(skill, out var previous) && previous.Success == true)
                    {
                        var day = (int)Math.Floor((e.Timestamp - previous.Timestamp).TotalDays);
                        var (n, c) = target.GetValueOrDefault(day);
                        target[day] = (n + 1, c + (e.Success == true ? 1 : 0));
                    }

                    last[skill] = e;
                }
            }
        }

        if (train.Count == 0)
        {
            throw new ArgumentException("no pair of answers on the same skill after a correct one", nameof(events));
        }

        var best = Search(train);
        var trainN = train.Values.Sum(v => v.N);
        var rate = (double)train.Values.Sum(v => v.Correct) / trainN;
        var heldOut = test.Values.Sum(v => v.N);
        var all = new Dictionary<int, (int N, int Correct)>(train);
        foreach (var (day, (n, c)) in test)
        {
            var (an, ac) = all.GetValueOrDefault(day);
            all[day] = (an + n, ac + c);
        }

        var bins = new List<ForgettingBin>();
        for (var b = 0; b + 1 < BinEdges.Length; b++)
        {
            var inBin = all.Where(p => p.Key >= BinEdges[b] && p.Key < BinEdges[b + 1]).ToList();
            var n = inBin.Sum(p => p.Value.N);
            if (n == 0)
            {
                continue;
            }

            bins.Add(new ForgettingBin(BinEdges[b], BinEdges[b + 1], n, (double)inBin.Sum(p => p.Value.Correct) / n, inBin.Sum(p => p.Value.N * best.PCorrect(p.Key + 0.5)) / n));
        }

        return new ForgettingFitResult(
            best,
            trainN,
            heldOut == 0 ? double.NaN : LogLoss(test, best.PCorrect) / heldOut,
            heldOut == 0 ? double.NaN : LogLoss(test, _ => rate) / heldOut,
            heldOut,
            bins);
    }

    private static ForgettingCurve Search(Dictionary<int, (int N, int Correct)> counts)
    {
        var days = counts.Keys.Order().ToArray();
        var n = days.Select(d => counts[d].N).ToArray();
        var c = days.Select(d => counts[d].Correct).ToArray();
        var best = new ForgettingCurve(0.5, 0.5, 1);
        var bestLoss = double.MaxValue;
        var decay = new double[days.Length];
        for (var k = 0; k <= 60; k++)
        {
            var stability = Math.Pow(10, 3.0 * k / 60);
            for (var i = 0; i < days.Length; i++)
            {
                decay[i] = Math.Exp(-(days[i] + 0.5) / stability);
            }

            for (var start = 0.005; start < 1; start += 0.005)
            {
                for (var floor = 0.005; floor <= start + 1e-9; floor += 0.005)
                {
                    double loss = 0;
                    for (var i = 0; i < days.Length; i++)
                    {
                        var p = floor + ((start - floor) * decay[i]);
                        loss -= (c[i] * Math.Log(p)) + ((n[i] - c[i]) * Math.Log(1 - p));
                    }

                    if (loss < bestLoss)
                    {
                        bestLoss = loss;
                        best = new ForgettingCurve(Math.Round(start, 3), Math.Round(floor, 3), Math.Round(stability, 2));
                    }
                }
            }
        }

        return best;
    }

    private static double LogLoss(Dictionary<int, (int N, int Correct)> counts, Func<double, double> p)
    {
        double loss = 0;
        foreach (var (day, (n, c)) in counts)
        {
            var q = Math.Clamp(p(day + 0.5), 1e-6, 1 - 1e-6);
            loss -= (c * Math.Log(q)) + ((n - c) * Math.Log(1 - q));
        }

        return loss;
    }

    private static uint StableHash(string text)
    {
        // FNV-1a: string.GetHashCode is randomised per process.
        var hash = 2166136261u;
        foreach (var ch in text)
        {
            hash = (hash ^ ch) * 16777619u;
        }

        return hash;
    }
}
