namespace AdaptiveMooc.ML.Practice;

/// <summary>
/// P(correct) on a skill <c>t</c> days after a correct answer on it:
/// <c>Floor + (Start − Floor) · exp(−t / StabilityDays)</c> (exponential decay towards a floor, as in
/// Ebbinghaus-style fits), fitted by <see cref="ForgettingFit"/>. Applied to a mastery m (the
/// knowledge-tracing P(correct) right after the last practice) as m · Retention(t): the share of the
/// freshly practised level that is left.
/// </summary>
/// <param name="Start">P(correct) right after practice (t = 0).</param>
/// <param name="Floor">P(correct) long after (t → ∞).</param>
/// <param name="StabilityDays">Time constant of the decay, in days.</param>
public sealed record ForgettingCurve(double Start, double Floor, double StabilityDays)
{
    public double PCorrect(double days) => Floor + ((Start - Floor) * Math.Exp(-Math.Max(0, days) / StabilityDays));

    /// <summary>The share of the level right after practice still there after <paramref name="days"/>.</summary>
    public double Retention(double days) => Start <= 0 ? 1 : PCorrect(days) / Start;

    /// <summary>Mastery now, from the mastery right after the last practice and the days since.</summary>
    public double Decay(double mastery, double days) => mastery * Retention(days);

    /// <summary>
    /// Days after which <paramref name="mastery"/> decays below <paramref name="threshold"/>; null when it
    /// never does (it starts below, or the floor keeps it above).
    /// </summary>
    public double? DaysUntilBelow(double mastery, double threshold)
    {
        if (mastery < threshold || Start <= 0)
        {
            return mastery < threshold ? 0 : null;
        }

        // mastery · (Floor + (Start − Floor) e^(−t/S)) / Start = threshold
        var target = (threshold * Start / mastery) - Floor;
        var span = Start - Floor;
        return target <= 0 || span <= 0 ? null : -StabilityDays * Math.Log(target / span);
    }
}
