using System.Text.RegularExpressions;
using AdaptiveMooc.Grains.Abstractions.Common;

namespace AdaptiveMooc.Grains.Abstractions.Assessments;

/// <summary>
/// The rules of a question-bank item and of an answer, shared by the API (400 naming the field) and the
/// grains (which check again, so nothing invalid is stored whoever calls them).
/// </summary>
public static class QuestionValidator
{
    public const int MaxPromptLength = 4000;
    public const int MaxTextLength = 2000;
    public const int MaxChoices = 20;
    public const int MaxSkills = 10;
    public const int MaxAcceptedAnswers = 20;
    public const int MaxPatternLength = 200;

    /// <summary>The longest a pattern may run on one answer; NonBacktracking keeps it linear anyway.</summary>
    public static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(100);

    /// <param name="item">The item as written.</param>
    /// <param name="courseSkills">The course's skills; an item's skills must be among them.</param>
    public static CommandResult? Validate(QuestionItem item, IReadOnlySet<string> courseSkills)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(courseSkills);
        if (!Ids.IsValid(item.Id))
        {
            return CommandResult.Invalid("id", "id must be 1-64 characters of [a-z0-9-].");
        }

        if (item.Kind is null || !QuestionKinds.All.Contains(item.Kind))
        {
            return CommandResult.Invalid("kind", $"kind must be one of {string.Join(", ", QuestionKinds.All.Order(StringComparer.Ordinal))}.");
        }

        if (Text(item.Prompt, "prompt", MaxPromptLength, required: true) is { } prompt)
        {
            return prompt;
        }

        if (item.Skills is not { Count: > 0 } || item.Skills.Count > MaxSkills)
        {
            return CommandResult.Invalid("skills", $"skills must list 1-{MaxSkills} skills of the course.");
        }

        for (var i = 0; i < item.Skills.Count; i++)
        {
            if (item.Skills[i] is not { } skill || !courseSkills.Contains(skill))
            {
                return CommandResult.Invalid($"skills[{i}]", $"'{item.Skills[i]}' is not a skill of the course's lessons ({string.Join(", ", courseSkills.Order(StringComparer.Ordinal))}).");
            }
        }

        if (item.Skills.Distinct(StringComparer.Ordinal).Count() != item.Skills.Count)
        {
            return CommandResult.Invalid("skills", "skills must not repeat.");
        }

        var kindProblem = item.Kind switch
        {
            QuestionKinds.SingleChoice or QuestionKinds.MultipleResponse => Choices(item),
            QuestionKinds.Numeric => Numeric(item),
            _ => ShortAnswer(item),
        };
        return kindProblem
            ?? Text(item.FeedbackCorrect, "feedbackCorrect", MaxTextLength, required: false)
            ?? Text(item.FeedbackIncorrect, "feedbackIncorrect", MaxTextLength, required: false)
            ?? Text(item.Explanation, "explanation", MaxTextLength, required: false);
    }

    /// <summary>Whether <paramref name="answer"/> has the shape the item's kind needs (400 naming choiceIds, number or text).</summary>
    public static CommandResult? ValidateAnswer(QuestionItem item, ItemAnswer? answer)
    {
        ArgumentNullException.ThrowIfNull(item);
        switch (item.Kind)
        {
            case QuestionKinds.SingleChoice or QuestionKinds.MultipleResponse:
                if (answer?.ChoiceIds is not { Count: > 0 } picked || picked.Count > MaxChoices)
                {
                    return CommandResult.Invalid("choiceIds", "choiceIds must list the picked choices (at least one).");
                }

                if (item.Kind == QuestionKinds.SingleChoice && picked.Count != 1)
                {
                    return CommandResult.Invalid("choiceIds", "A single-choice item takes exactly one choice.");
                }

                var known = (item.Choices ?? []).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
                for (var i = 0; i < picked.Count; i++)
                {
                    if (picked[i] is not { } id || !known.Contains(id))
                    {
                        return CommandResult.Invalid($"choiceIds[{i}]", $"'{picked[i]}' is not a choice of item '{item.Id}'.");
                    }
                }

                if (picked.Distinct(StringComparer.Ordinal).Count() != picked.Count)
                {
                    return CommandResult.Invalid("choiceIds", "choiceIds must not repeat.");
                }

                return null;
            case QuestionKinds.Numeric:
                return answer?.Number is { } n && double.IsFinite(n)
                    ? null
                    : CommandResult.Invalid("number", "number (a finite number) is required for a numeric item.");
            default:
                return answer?.Text is { } text && !string.IsNullOrWhiteSpace(text) && text.Length <= ItemAnswer.MaxTextLength
                    ? null
                    : CommandResult.Invalid("text", $"text (1-{ItemAnswer.MaxTextLength} characters) is required for a short-answer item.");
        }
    }

    /// <summary>The compiled pattern of a short-answer item: anchored, linear-time, with a timeout.</summary>
    public static Regex CompilePattern(string pattern, bool caseSensitive) =>
        new($"^(?:{pattern})$", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | (caseSensitive ? RegexOptions.None : RegexOptions.IgnoreCase), PatternTimeout);

    private static CommandResult? Choices(QuestionItem item)
    {
        if (item.Choices is not { Count: >= 2 } choices || choices.Count > MaxChoices)
        {
            return CommandResult.Invalid("choices", $"A choice item needs 2-{MaxChoices} choices.");
        }

        for (var i = 0; i < choices.Count; i++)
        {
            if (choices[i] is null || !Ids.IsValid(choices[i].Id))
            {
                return CommandResult.Invalid($"choices[{i}].id", "A choice id is 1-64 characters of [a-z0-9-].");
            }

            if (Text(choices[i].Text, $"choices[{i}].text", MaxTextLength, required: true) is { } text)
            {
                return text;
            }
        }

        var ids = choices.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        if (ids.Count != choices.Count)
        {
            return CommandResult.Invalid("choices", "Choice ids must be unique.");
        }

        if (item.CorrectChoiceIds is not { Count: > 0 } correct || correct.Any(c => c is null || !ids.Contains(c)) || correct.Distinct(StringComparer.Ordinal).Count() != correct.Count)
        {
            return CommandResult.Invalid("correctChoiceIds", "correctChoiceIds must list distinct ids of the item's choices (at least one).");
        }

        return item.Kind == QuestionKinds.SingleChoice && correct.Count != 1
            ? CommandResult.Invalid("correctChoiceIds", "A single-choice item has exactly one correct choice.")
            : null;
    }

    private static CommandResult? Numeric(QuestionItem item)
    {
        if (item.Answer is not { } answer || !double.IsFinite(answer))
        {
            return CommandResult.Invalid("answer", "answer (a finite number) is required for a numeric item.");
        }

        return item.Tolerance is { } tolerance && (!double.IsFinite(tolerance) || tolerance < 0)
            ? CommandResult.Invalid("tolerance", "tolerance must be a finite number, 0 or more.")
            : null;
    }

    private static CommandResult? ShortAnswer(QuestionItem item)
    {
        var accepted = item.AcceptedAnswers ?? [];
        if (accepted.Count == 0 && item.Pattern is null)
        {
            return CommandResult.Invalid("acceptedAnswers", "A short-answer item needs acceptedAnswers or a pattern.");
        }

        if (accepted.Count > MaxAcceptedAnswers)
        {
            return CommandResult.Invalid("acceptedAnswers", $"At most {MaxAcceptedAnswers} accepted answers.");
        }

        for (var i = 0; i < accepted.Count; i++)
        {
            if (Text(accepted[i], $"acceptedAnswers[{i}]", ItemAnswer.MaxTextLength, required: true) is { } text)
            {
                return text;
            }
        }

        if (item.Pattern is { } pattern)
        {
            if (pattern.Length is 0 or > MaxPatternLength)
            {
                return CommandResult.Invalid("pattern", $"pattern holds 1-{MaxPatternLength} characters.");
            }

            try
            {
                _ = CompilePattern(pattern, item.CaseSensitive);
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException)
            {
                return CommandResult.Invalid("pattern", $"pattern is not a regular expression this platform runs (no backreferences or lookarounds): {e.Message}");
            }
        }

        return null;
    }

    private static CommandResult? Text(string? text, string field, int max, bool required)
    {
        if (text is null)
        {
            return required ? CommandResult.Invalid(field, $"{field} is required.") : null;
        }

        return string.IsNullOrWhiteSpace(text) || text.Length > max
            ? CommandResult.Invalid(field, $"{field} holds 1-{max} characters, not only spaces.")
            : null;
    }
}
