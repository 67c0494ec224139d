using System.Text.Json;
using AdaptiveMooc.Grains.Abstractions.Assessments;

namespace AdaptiveMooc.Api.Contracts;

/// <summary>
/// Body of <c>POST /api/courses/{courseId}/items</c> (the contract's item, docs/API.md "Content and assessments"):
/// <c>kind</c> <c>single-choice</c> (<c>answer</c>: a choice id), <c>multiple-response</c> (<c>answer</c>: choice ids),
/// <c>numeric</c> (<c>answer</c>: <c>{value, tolerance}</c>) or <c>short-answer</c> (<c>answer</c>: <c>{values: [..]}</c> or
/// <c>{pattern}</c>, optional <c>caseSensitive</c>); <c>feedback</c> a text shown after any answer, or
/// <c>{correct, incorrect}</c>. Stored as a question-bank item (<see cref="QuestionItem"/>), the same store as
/// <c>/question-bank</c>.
/// </summary>
public sealed record ItemBody(
    string? Id,
    string? Kind,
    string? Prompt,
    IReadOnlyList<QuestionChoice>? Choices,
    JsonElement? Answer,
    IReadOnlyList<string>? Skills,
    JsonElement? Feedback = null,
    string? Explanation = null)
{
    /// <summary>The bank item, or the contract field that is malformed (with why).</summary>
    public (QuestionItem? Item, string? Field, string? Detail) ToItem(string id)
    {
        string? feedbackCorrect = null, feedbackIncorrect = null;
        if (Feedback is { } feedback)
        {
            switch (feedback.ValueKind)
            {
                case JsonValueKind.String:
                    feedbackCorrect = feedbackIncorrect = feedback.GetString();
                    break;
                case JsonValueKind.Object:
                    feedbackCorrect = Text(feedback, "correct");
                    feedbackIncorrect = Text(feedback, "incorrect");
                    break;
                case JsonValueKind.Null or JsonValueKind.Undefined:
                    break;
                default:
                    return (null, "feedback", "feedback is a text, or {correct, incorrect}.");
            }
        }

        var item = new QuestionItem(id, Kind!, Prompt!, Skills ?? [], Choices, FeedbackCorrect: feedbackCorrect, FeedbackIncorrect: feedbackIncorrect, Explanation: Explanation);
        var answer = Answer is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } a ? a : (JsonElement?)null;
        switch (Kind)
        {
            case QuestionKinds.SingleChoice:
                return answer is { ValueKind: JsonValueKind.String } choice
                    ? (item with { CorrectChoiceIds = [choice.GetString()!] }, null, null)
                    : (null, "answer", "answer of a single-choice item is the id of its correct choice.");
            case QuestionKinds.MultipleResponse:
                return answer is { ValueKind: JsonValueKind.Array } list && list.GetArrayLength() <= QuestionValidator.MaxChoices
                    && list.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String)
                    ? (item with { CorrectChoiceIds = [.. list.EnumerateArray().Select(e => e.GetString()!)] }, null, null)
                    : (null, "answer", "answer of a multiple-response item lists the ids of its correct choices.");
            case QuestionKinds.Numeric:
                if (answer is { ValueKind: JsonValueKind.Number } plain)
                {
                    return (item with { Answer = plain.GetDouble() }, null, null);
                }

                if (answer is not { ValueKind: JsonValueKind.Object } numeric || Number(numeric, "value") is not { } value)
                {
                    return (null, "answer.value", "answer of a numeric item is {value, tolerance}, value a number.");
                }

                if (numeric.TryGetProperty("tolerance", out var t) && t.ValueKind is not JsonValueKind.Null && t.ValueKind != JsonValueKind.Number)
                {
                    return (null, "answer.tolerance", "answer.tolerance is a number, 0 or more.");
                }

                return (item with { Answer = value, Tolerance = Number(numeric, "tolerance") }, null, null);
            case QuestionKinds.ShortAnswer:
                if (answer is { ValueKind: JsonValueKind.String } single)
                {
                    return (item with { AcceptedAnswers = [single.GetString()!] }, null, null);
                }

                if (answer is not { ValueKind: JsonValueKind.Object } text)
                {
                    return (null, "answer", "answer of a short-answer item is {values: [..]} or {pattern}.");
                }

                IReadOnlyList<string>? values = null;
                if (text.TryGetProperty("values", out var v) && v.ValueKind != JsonValueKind.Null)
                {
                    if (v.ValueKind != JsonValueKind.Array || v.GetArrayLength() > QuestionValidator.MaxAcceptedAnswers
                        || v.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
                    {
                        return (null, "answer.values", $"answer.values lists 1-{QuestionValidator.MaxAcceptedAnswers} accepted texts.");
                    }

                    values = [.. v.EnumerateArray().Select(e => e.GetString()!)];
                }

                if (text.TryGetProperty("pattern", out var p) && p.ValueKind is not (JsonValueKind.Null or JsonValueKind.String))
                {
                    return (null, "answer.pattern", "answer.pattern is a regular expression.");
                }

                var caseSensitive = text.TryGetProperty("caseSensitive", out var c) && c.ValueKind == JsonValueKind.True;
                return (item with { AcceptedAnswers = values, Pattern = Text(text, "pattern"), CaseSensitive = caseSensitive }, null, null);
            default:
                // An unknown kind: the validator names 'kind'.
                return (item, null, null);
        }
    }

    /// <summary>The contract's name for a field the bank's validator names.</summary>
    public static string ContractField(string? field) => field switch
    {
        null => "body",
        "correctChoiceIds" => "answer",
        "answer" => "answer.value",
        "tolerance" => "answer.tolerance",
        "acceptedAnswers" => "answer.values",
        "pattern" => "answer.pattern",
        "feedbackCorrect" or "feedbackIncorrect" => "feedback",
        _ => field,
    };

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static double? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var n) ? n : null;
}
