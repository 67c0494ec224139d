namespace AdaptiveMooc.Grains.Recommendations;

/// <summary>
/// Exponential forgetting, R = exp(-t / S), with a stability S that doubles with each practice (up to
/// eight) and grows with mastery, as in spaced-repetition schedulers: a skill practised once is due for
/// review within days, one practised often within weeks.
/// </summary>
internal static class ForgettingCurve
{
    /// <summary>Stability in days of a skill practised once at mastery 0.5.</summary>
    public const double BaseStabilityDays = 2.0;

    /// <summary>Below this estimated recall a learned skill is due for review.</summary>
    public const double ReviewThreshold = 0.7;

    public static double StabilityDays(double mastery, int practices) =>
        BaseStabilityDays * Math.Pow(2, Math.Clamp(practices, 1, 8) - 1) * (0.5 + Math.Clamp(mastery, 0, 1));

    /// <summary>Estimated probability of recalling the skill now, in [0, 1].</summary>
    public static double Recall(SkillMemory skill, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(skill);
        if (skill.LastPractised is not { } last || skill.Practices <= 0)
        {
            return 0;
        }

        var days = Math.Max(0, (now - last).TotalDays);
        return Math.Exp(-days / StabilityDays(skill.Mastery, skill.Practices));
    }
}
