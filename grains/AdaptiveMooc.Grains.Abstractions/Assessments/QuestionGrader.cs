using System.Text.RegularExpressions;

namespace AdaptiveMooc.Grains.Abstractions.Assessments;

/// <summary>Grades one answer against an item's key. The answer must have passed <see cref="QuestionValidator.ValidateAnswer"/>.</summary>
public static class QuestionGrader
{
    public static bool IsCorrect(QuestionItem item, ItemAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(answer);
        switch (item.Kind)
        {
            case QuestionKinds.SingleChoice or QuestionKinds.MultipleResponse:
                return (answer.ChoiceIds ?? []).ToHashSet(StringComparer.Ordinal).SetEquals(item.CorrectChoiceIds ?? []);
            case QuestionKinds.Numeric:
                // A relative epsilon, so 0.1 + 0.2 is accepted for 0.3 with no tolerance.
                var difference = Math.Abs((answer.Number ?? double.NaN) - (item.Answer ?? double.NaN));
                var slack = (item.Tolerance ?? 0) + (1e-9 * Math.Max(1, Math.Abs(item.Answer ?? 0)));
                return difference <= slack;
            default:
                return ShortAnswerCorrect(item, answer.Text ?? string.Empty);
        }
    }

    /// <summary>Trimmed, inner white space collapsed to one space.</summary>
    public static string Normalise(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static bool ShortAnswerCorrect(QuestionItem item, string text)
    {
        var given = Normalise(text);
        var comparison = item.CaseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        if ((item.AcceptedAnswers ?? []).Any(a => string.Equals(Normalise(a), given, comparison)))
        {
            return true;
        }

        if (item.Pattern is not { } pattern)
        {
            return false;
        }

        try
        {
            return QuestionValidator.CompilePattern(pattern, item.CaseSensitive).IsMatch(given);
        }
        catch (RegexMatchTimeoutException)
        {
            // A pattern that cannot decide in time does not accept the answer.
            return false;
        }
    }
}
