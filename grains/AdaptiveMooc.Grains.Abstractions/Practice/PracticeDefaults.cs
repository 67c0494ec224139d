namespace AdaptiveMooc.Grains.Abstractions.Practice;

/// <summary>The platform's practice settings (docs/PRACTICE.md).</summary>
public static class PracticeDefaults
{
    /// <summary>
    /// Mastery of a skill (knowledge tracing's P(correct) on an item of it) at which practice stops and
    /// below which a once-mastered skill comes back for review.
    /// </summary>
    public const double MasteryThreshold = 0.85;
}
