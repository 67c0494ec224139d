namespace AdaptiveMooc.ML.KnowledgeTracing;

/// <summary>
/// Fits <see cref="BktParameters"/> by expectation–maximisation (Baum–Welch on the two-state HMM with
/// no forgetting) on the answer sequences of one skill, one sequence per learner.
/// </summary>
public static class BktFitter
{
    /// <summary>Guess and slip above this make "known" and "unknown" swap meaning (the degenerate BKT fits).</summary>
    public const double MaxGuessOrSlip = 0.3;

    private const double Floor = 1e-4;

    /// <summary>
    /// Pseudo-observations of the starting parameters added to every M step, so a skill seen a
    /// handful of times stays close to the default instead of collapsing to 0 or 1.
    /// </summary>
    private const double PriorWeight = 2.0;

    public static BktParameters Fit(IReadOnlyList<IReadOnlyList<bool>> sequences, BktParameters? start = null, int maxIterations = 40, double tolerance = 1e-5)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        var p = start ?? BktParameters.Default;
        var prior = p;
        var longest = 0;
        foreach (var s in sequences) longest = Math.Max(longest, s.Count);
        if (longest == 0) return p;

        // Per-step forward/backward buffers for state "known" (index 1) and "unknown" (index 0).
        var a0 = new double[longest];
        var a1 = new double[longest];
        var b0 = new double[longest];
        var b1 = new double[longest];
        var scale = new double[longest];

        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            double initKnown = 0, sequencesCount = 0;
            double transitions = 0, unknownBeforeLast = 0;
            double guessCorrect = 0, unknownTotal = 0;
            double slipWrong = 0, knownTotal = 0;

            foreach (var obs in sequences)
            {
                var n = obs.Count;
                if (n == 0) continue;
                double E(int state, bool correct) => state == 1 ? (correct ? 1 - p.Slip : p.Slip) : (correct ? p.Guess : 1 - p.Guess);

                // Forward with per-step normalisation.
                a0[0] = (1 - p.Init) * E(0, obs[0]);
                a1[0] = p.Init * E(1, obs[0]);
                scale[0] = a0[0] + a1[0];
                a0[0] /= scale[0];
                a1[0] /= scale[0];
                for (var t = 1; t < n; t++)
                {
                    var u = a0[t - 1] * (1 - p.Learn);
                    var k = a0[t - 1] * p.Learn + a1[t - 1];
                    a0[t] = u * E(0, obs[t]);
                    a1[t] = k * E(1, obs[t]);
                    scale[t] = a0[t] + a1[t];
                    a0[t] /= scale[t];
                    a1[t] /= scale[t];
                }

                b0[n - 1] = 1;
                b1[n - 1] = 1;
                for (var t = n - 2; t >= 0; t--)
                {
                    var e0 = E(0, obs[t + 1]) * b0[t + 1];
                    var e1 = E(1, obs[t + 1]) * b1[t + 1];
                    b0[t] = ((1 - p.Learn) * e0 + p.Learn * e1) / scale[t + 1];
                    b1[t] = e1 / scale[t + 1];
                }

                for (var t = 0; t < n; t++)
                {
                    var g0 = a0[t] * b0[t];
                    var g1 = a1[t] * b1[t];
                    var z = g0 + g1;
                    g0 /= z;
                    g1 /= z;
                    if (t == 0)
                    {
                        initKnown += g1;
                        sequencesCount++;
                    }
                    if (obs[t]) guessCorrect += g0; else slipWrong += g1;
                    unknownTotal += g0;
                    knownTotal += g1;
                    if (t < n - 1)
                    {
                        // Expected unknown→known transitions between t and t+1.
                        var xi = a0[t] * p.Learn * E(1, obs[t + 1]) * b1[t + 1] / scale[t + 1];
                        transitions += xi;
                        unknownBeforeLast += g0;
                    }
                }
            }

            var next = new BktParameters(
                Clamp((initKnown + PriorWeight * prior.Init) / (sequencesCount + PriorWeight), Floor, 1 - Floor),
                Clamp((transitions + PriorWeight * prior.Learn) / (unknownBeforeLast + PriorWeight), Floor, 1 - Floor),
                Clamp((guessCorrect + PriorWeight * prior.Guess) / (unknownTotal + PriorWeight), Floor, MaxGuessOrSlip),
                Clamp((slipWrong + PriorWeight * prior.Slip) / (knownTotal + PriorWeight), Floor, MaxGuessOrSlip));
            var change = Math.Max(Math.Max(Math.Abs(next.Init - p.Init), Math.Abs(next.Learn - p.Learn)),
                Math.Max(Math.Abs(next.Guess - p.Guess), Math.Abs(next.Slip - p.Slip)));
            p = next;
            if (change < tolerance) break;
        }
        return p;
    }

    /// <summary>Log-likelihood of the sequences under <paramref name="p"/> (for tests and diagnostics).</summary>
    public static double LogLikelihood(IReadOnlyList<IReadOnlyList<bool>> sequences, BktParameters p)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        ArgumentNullException.ThrowIfNull(p);
        double ll = 0;
        foreach (var obs in sequences)
        {
            var mastery = p.Init;
            foreach (var correct in obs)
            {
                var pc = p.PCorrect(mastery);
                ll += Math.Log(correct ? pc : 1 - pc);
                mastery = p.Update(mastery, correct);
            }
        }
        return ll;
    }

    private static double Clamp(double value, double min, double max) =>
        double.IsNaN(value) ? min : Math.Min(max, Math.Max(min, value));
}
