namespace AdaptiveMooc.Grains.Abstractions.Practice;

/// <summary>The platform's practice settings (docs/PRACTICE.md).</summary>
public static class PracticeDefaults
{
    /// <summary>
    /// Mastery of a skill (knowledge tracing's P(correct) on an item of it) at which practice stops and
    /// below which a once-mastered skill comes back for review. A course may set its own
    /// (<see cref="Courses.CourseDefinition.MasteryThreshold"/>, 0.5-0.99); this is the default.
    /// </summary>
    public const double MasteryThreshold = Courses.CourseDefinition.DefaultMasteryThreshold;

    /// <summary>
    /// Practice declares a skill mastered only after this many graded answers on it: a model's prior alone
    /// (the shipped one, trained on coursework that 96 % of students pass, predicts about 0.9 before any
    /// answer) is no evidence.
    /// </summary>
    public const int MinimumAnswers = 3;

    public static bool IsMastered(double mastery, int answers) => IsMastered(mastery, answers, MasteryThreshold);

    public static bool IsMastered(double mastery, int answers, double threshold) => mastery >= threshold && answers >= MinimumAnswers;
}
