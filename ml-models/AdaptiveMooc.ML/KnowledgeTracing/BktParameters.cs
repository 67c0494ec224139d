namespace AdaptiveMooc.ML.KnowledgeTracing;

/// <summary>
/// The four standard Bayesian Knowledge Tracing parameters of one skill (Corbett &amp; Anderson 1995;
/// no forgetting).
/// </summary>
/// <param name="Init">P(L0): the skill is known before the first attempt.</param>
/// <param name="Learn">P(T): an unknown skill becomes known after an attempt.</param>
/// <param name="Guess">P(G): correct answer while the skill is unknown.</param>
/// <param name="Slip">P(S): wrong answer while the skill is known.</param>
public sealed record BktParameters(double Init, double Learn, double Guess, double Slip)
{
    /// <summary>
    /// Cold-start parameters used when a skill has no fitted ones: an even prior on knowing the
    /// skill, and the guess/slip/learn values of the original BKT literature's typical ranges
    /// (guess 0.2, slip 0.1, learn 0.1). They give P(correct) = 0.55 before any answer.
    /// </summary>
    public static BktParameters Default { get; } = new(0.5, 0.1, 0.2, 0.1);

    /// <summary>Probability of a correct answer when the skill is known with probability <paramref name="mastery"/>.</summary>
    public double PCorrect(double mastery) => mastery * (1 - Slip) + (1 - mastery) * Guess;

    /// <summary>The posterior P(known) after observing an answer, then one learning opportunity.</summary>
    public double Update(double mastery, bool correct)
    {
        var known = correct ? mastery * (1 - Slip) : mastery * Slip;
        var unknown = correct ? (1 - mastery) * Guess : (1 - mastery) * (1 - Guess);
        var posterior = known + unknown > 0 ? known / (known + unknown) : mastery;
        return posterior + (1 - posterior) * Learn;
    }
}
