using System.Globalization;
using AdaptiveMooc.Web.Api;

namespace AdaptiveMooc.Web;

/// <summary>What a learner has entered for one item, before it is sent.</summary>
public sealed class QuizInput
{
    public HashSet<string> Choices { get; } = new(StringComparer.Ordinal);

    public string? Single { get; set; }

    public string Number { get; set; } = "";

    public string Text { get; set; } = "";
}

/// <summary>The rules of the quiz page that are not the API's: answer bodies from inputs, time left, results in words.</summary>
public static class Quiz
{
    public const string SingleChoice = "single-choice";
    public const string MultipleResponse = "multiple-response";
    public const string Numeric = "numeric";
    public const string ShortAnswer = "short-answer";

    /// <summary>The answer body for <paramref name="item"/>, or null and what is missing.</summary>
    public static (AnswerBody? Body, string? Missing) Build(DeliveredItem item, QuizInput input)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(input);
        switch (item.Kind)
        {
            case SingleChoice:
                return input.Single is { } picked ? (new AnswerBody(item.Id, ChoiceIds: [picked]), null) : (null, "Pick one answer.");
            case MultipleResponse:
                return input.Choices.Count > 0
                    ? (new AnswerBody(item.Id, ChoiceIds: [.. item.Choices.Select(c => c.Id).Where(input.Choices.Contains)]), null)
                    : (null, "Pick at least one answer.");
            case Numeric:
                var text = input.Number.Trim().Replace(',', '.');
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
                    ? (new AnswerBody(item.Id, Number: number), null)
                    : (null, "Enter a number (for example 12.5).");
            default:
                return string.IsNullOrWhiteSpace(input.Text) ? (null, "Type your answer.") : (new AnswerBody(item.Id, Text: input.Text.Trim()), null);
        }
    }

    /// <summary>"12:05 left", "Time is up", or null without a limit or once submitted.</summary>
    public static string? TimeLeft(Attempt attempt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        if (attempt.Deadline is not { } deadline || attempt.SubmittedAt is not null)
        {
            return null;
        }

        var left = deadline - now;
        if (left <= TimeSpan.Zero)
        {
            return "Time is up: submit to get your score for the answers given in time.";
        }

        return left.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)left.TotalHours}:{left.Minutes:00}:{left.Seconds:00} left")
            : string.Create(CultureInfo.InvariantCulture, $"{left.Minutes}:{left.Seconds:00} left");
    }

    public static AnswerFeedback? FeedbackOf(Attempt attempt, string itemId) =>
        attempt?.Answers.FirstOrDefault(a => a.ItemId == itemId);

    /// <summary>The first unanswered item's index at or after <paramref name="from"/> (wrapping), or the last item when all are answered.</summary>
    public static int NextUnanswered(Attempt attempt, int from)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var count = attempt.Items.Count;
        for (var step = 0; step < count; step++)
        {
            var index = (from + step) % count;
            if (FeedbackOf(attempt, attempt.Items[index].Id) is null)
            {
                return index;
            }
        }

        return Math.Max(0, count - 1);
    }

    public static string Result(Attempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var correct = attempt.Answers.Count(a => a.Correct);
        var share = Percent(attempt.Score ?? 0);
        return $"You scored {share} ({correct} of {attempt.Items.Count} correct) and {(attempt.Passed == true ? "passed" : "did not pass")}.";
    }

    public static string Attempts(Attempts attempts)
    {
        ArgumentNullException.ThrowIfNull(attempts);
        return attempts.MaxAttempts is { } max
            ? $"Attempt {attempts.AttemptsUsed} of {max}."
            : $"{attempts.AttemptsUsed} attempt(s) so far.";
    }

    /// <summary>0.333 → "33%".</summary>
    public static string Percent(double share) => string.Create(CultureInfo.InvariantCulture, $"{Math.Round(share * 100):0}%");

    public static string KindName(string kind) => kind switch
    {
        SingleChoice => "Single choice",
        MultipleResponse => "Multiple response",
        Numeric => "Numeric",
        ShortAnswer => "Short answer",
        _ => kind,
    };
}
