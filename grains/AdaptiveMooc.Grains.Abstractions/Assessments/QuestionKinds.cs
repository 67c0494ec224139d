namespace AdaptiveMooc.Grains.Abstractions.Assessments;

/// <summary>The kinds of question-bank items (docs/ASSESSMENTS.md).</summary>
public static class QuestionKinds
{
    /// <summary>One choice is correct.</summary>
    public const string SingleChoice = "single-choice";

    /// <summary>Every correct choice and no other must be picked.</summary>
    public const string MultipleResponse = "multiple-response";

    /// <summary>A number within a tolerance of the answer.</summary>
    public const string Numeric = "numeric";

    /// <summary>Text equal to an accepted answer, or matching a pattern.</summary>
    public const string ShortAnswer = "short-answer";

    public static IReadOnlySet<string> All { get; } =
        new HashSet<string>(StringComparer.Ordinal) { SingleChoice, MultipleResponse, Numeric, ShortAnswer };
}
