using AdaptiveMooc.ML.KnowledgeTracing;

namespace AdaptiveMooc.ML.Practice;

/// <summary>
/// BKT with item-level guess and slip (Pardos &amp; Heffernan's KT-IDEM) and item-level learning rates
/// (the chance that answering this item turns an unknown skill into a known one, as in their
/// item-effect models), fitted by EM: the skill's initial knowledge is shared, each item has its own
/// guess, slip and learning rate, shrunk towards the skill's values with <see cref="ItemPriorWeight"/>
/// pseudo-answers so a rarely answered item stays close to its skill. Starts from the skill's plain BKT fit (<see cref="BktFitter"/>).
/// </summary>
public static class ItemBktFitter
{
    /// <summary>Pseudo-answers of the skill's guess/slip added to each item's.</summary>
    public const double ItemPriorWeight = 5.0;

    /// <summary>Item guess and slip stay below this, so "known" keeps meaning known on every item.</summary>
    public const double MaxItemGuessOrSlip = 0.45;

    private const double Floor = 1e-3;

    /// <param name="sequences">Per learner, the answers on the skill in order: (item index, correct).</param>
    /// <param name="itemCount">Number of items (indices are 0..itemCount-1).</param>
    public static (double Init, double Learn, double[] Guess, double[] Slip, double[] ItemLearn) Fit(
        IReadOnlyList<IReadOnlyList<(int Item, bool Correct)>> sequences, int itemCount, int iterations = 15)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        var skill = BktFitter.Fit(sequences.Select(s => (IReadOnlyList<bool>)s.Select(a => a.Correct).ToList()).ToList());
        double init = skill.Init, learn = skill.Learn;
        var guess = Enumerable.Repeat(skill.Guess, itemCount).ToArray();
        var slip = Enumerable.Repeat(skill.Slip, itemCount).ToArray();
        var itemLearn = Enumerable.Repeat(skill.Learn, itemCount).ToArray();
        var longest = sequences.Count == 0 ? 0 : sequences.Max(s => s.Count);
        if (longest == 0)
        {
            return (init, learn, guess, slip, itemLearn);
        }

        var a0 = new double[longest];
        var a1 = new double[longest];
        var b0 = new double[longest];
        var b1 = new double[longest];
        var scale = new double[longest];
        var guessCorrect = new double[itemCount];
        var unknown = new double[itemCount];
        var slipWrong = new double[itemCount];
        var known = new double[itemCount];
        var itemTransitions = new double[itemCount];
        var itemUnknown = new double[itemCount];
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            Array.Clear(guessCorrect);
            Array.Clear(unknown);
            Array.Clear(slipWrong);
            Array.Clear(known);
            Array.Clear(itemTransitions);
            Array.Clear(itemUnknown);
            double initKnown = 0, starts = 0, transitions = 0, unknownBeforeLast = 0;
            foreach (var obs in sequences)
            {
                var n = obs.Count;
                if (n == 0)
                {
                    continue;
                }

                double E(int state, int t) => state == 1
                    ? (obs[t].Correct ? 1 - slip[obs[t].Item] : slip[obs[t].Item])
                    : (obs[t].Correct ? guess[obs[t].Item] : 1 - guess[obs[t].Item]);

                a0[0] = (1 - init) * E(0, 0);
                a1[0] = init * E(1, 0);
                scale[0] = a0[0] + a1[0];
                a0[0] /= scale[0];
                a1[0] /= scale[0];
                for (var t = 1; t < n; t++)
                {
                    var l = itemLearn[obs[t - 1].Item];
                    var u = a0[t - 1] * (1 - l);
                    var k = (a0[t - 1] * l) + a1[t - 1];
                    a0[t] = u * E(0, t);
                    a1[t] = k * E(1, t);
                    scale[t] = a0[t] + a1[t];
                    a0[t] /= scale[t];
                    a1[t] /= scale[t];
                }

                b0[n - 1] = 1;
                b1[n - 1] = 1;
                for (var t = n - 2; t >= 0; t--)
                {
                    var e0 = E(0, t + 1) * b0[t + 1];
                    var e1 = E(1, t + 1) * b1[t + 1];
                    var l = itemLearn[obs[t].Item];
                    b0[t] = (((1 - l) * e0) + (l * e1)) / scale[t + 1];
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
                        starts++;
                    }

                    var item = obs[t].Item;
                    if (obs[t].Correct)
                    {
                        guessCorrect[item] += g0;
                    }
                    else
                    {
                        slipWrong[item] += g1;
                    }

                    unknown[item] += g0;
                    known[item] += g1;
                    if (t < n - 1)
                    {
                        var xi = a0[t] * itemLearn[item] * E(1, t + 1) * b1[t + 1] / scale[t + 1];
                        transitions += xi;
                        unknownBeforeLast += g0;
                        itemTransitions[item] += xi;
                        itemUnknown[item] += g0;
                    }
                }
            }

            init = Clamp((initKnown + (2 * skill.Init)) / (starts + 2), Floor, 1 - Floor);
            learn = Clamp((transitions + (2 * skill.Learn)) / (unknownBeforeLast + 2), Floor, 1 - Floor);
            for (var i = 0; i < itemCount; i++)
            {
                guess[i] = Clamp((guessCorrect[i] + (ItemPriorWeight * skill.Guess)) / (unknown[i] + ItemPriorWeight), Floor, MaxItemGuessOrSlip);
                slip[i] = Clamp((slipWrong[i] + (ItemPriorWeight * skill.Slip)) / (known[i] + ItemPriorWeight), Floor, MaxItemGuessOrSlip);
                itemLearn[i] = Clamp((itemTransitions[i] + (ItemPriorWeight * learn)) / (itemUnknown[i] + ItemPriorWeight), Floor, 1 - Floor);
            }
        }

        return (init, learn, guess, slip, itemLearn);
    }

    private static double Clamp(double value, double min, double max) =>
        double.IsNaN(value) ? min : Math.Min(max, Math.Max(min, value));
}
