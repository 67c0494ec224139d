namespace AdaptiveMooc.ML.Practice;

/// <summary>
/// The forgetting curve the platform uses, as measured by
/// <c>./mooc ml forgetting-fit --oulad ../shared/datasets/oulad</c> on OULAD 2013 (49,047 pairs of a
/// passed assessment and the learner's next one of the same module and type; docs/PRACTICE.md):
/// P(correct) 0.995 right after a correct answer, decaying with a 50-day time constant towards 0.94.
/// Coursework with a lenient pass mark forgets little; the curve is what that data supports, not a
/// textbook value.
/// </summary>
public static class FittedForgetting
{
    public static ForgettingCurve Oulad { get; } = new(Start: 0.995, Floor: 0.94, StabilityDays: 50.12);
}
