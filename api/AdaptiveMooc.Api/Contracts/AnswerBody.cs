using AdaptiveMooc.Grains.Abstractions.Assessments;

namespace AdaptiveMooc.Api.Contracts;

/// <summary>Body of <c>POST .../attempts/{attempt}/answers</c>: the item and, by its kind, <c>choiceIds</c>, <c>number</c> or <c>text</c>.</summary>
public sealed record AnswerBody(string? ItemId, IReadOnlyList<string>? ChoiceIds, double? Number, string? Text)
{
    public ItemAnswer ToAnswer() => new(ChoiceIds, Number, Text);
}
