using System.Text.Json;
using AdaptiveMooc.Grains.Abstractions.Assessments;

namespace AdaptiveMooc.Api.Contracts;

/// <summary>
/// Body of <c>POST .../attempts/{attempt}/answers</c> and <c>POST .../practice/answers</c>: the item and either the contract's one
/// <c>response</c> (a choice id, a list of choice ids, a number or a text) or, by the item's kind, <c>choiceIds</c>, <c>number</c> or <c>text</c>.
/// </summary>
public sealed record AnswerBody(string? ItemId, IReadOnlyList<string>? ChoiceIds, double? Number, string? Text, JsonElement? Response = null)
{
    /// <summary>Whether the caller used the contract's <c>response</c> (errors then name that field).</summary>
    public bool UsesResponse => Response is { ValueKind: not JsonValueKind.Undefined and not JsonValueKind.Null };

    /// <summary>The answer; null when <c>response</c> is none of the shapes above.</summary>
    public ItemAnswer? ToAnswer()
    {
        if (!UsesResponse)
        {
            return new(ChoiceIds, Number, Text);
        }

        var response = Response!.Value;
        switch (response.ValueKind)
        {
            case JsonValueKind.String:
                return new ItemAnswer(Text: response.GetString(), FromResponse: true);
            case JsonValueKind.Number when response.TryGetDouble(out var number) && double.IsFinite(number):
                return new ItemAnswer(Number: number, FromResponse: true);
            case JsonValueKind.Array when response.GetArrayLength() <= QuestionValidator.MaxChoices
                && response.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String):
                return new ItemAnswer(ChoiceIds: [.. response.EnumerateArray().Select(e => e.GetString()!)], FromResponse: true);
            default:
                return null;
        }
    }

    /// <summary>The field a problem names: the contract's <c>response</c> when the caller sent one.</summary>
    public string FieldOf(string? field) =>
        UsesResponse && field is not null && (field is "choiceIds" or "number" or "text" || field.StartsWith("choiceIds[", StringComparison.Ordinal))
            ? "response"
            : field ?? "response";
}
