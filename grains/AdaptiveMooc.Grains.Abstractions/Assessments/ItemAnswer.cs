namespace AdaptiveMooc.Grains.Abstractions.Assessments;

/// <summary>A learner's answer to one item: <see cref="ChoiceIds"/> for choice kinds, <see cref="Number"/> for numeric, <see cref="Text"/> for short answer.</summary>
[GenerateSerializer]
[Immutable]
[Alias("mooc.ItemAnswer")]
public sealed record ItemAnswer(
    [property: Id(0)] IReadOnlyList<string>? ChoiceIds = null,
    [property: Id(1)] double? Number = null,
    [property: Id(2)] string? Text = null,
    [property: Id(3)] bool FromResponse = false)
{
    public const int MaxTextLength = 500;

    /// <summary>The answer as xAPI's <c>result.response</c> writes it.</summary>
    /// <summary>
    /// The answer in the field the item's kind reads, from the contract's one <c>response</c> (a choice id, a list of
    /// choice ids, a number or a text, docs/API.md): a lone text names a choice of a choice item, or a number of a numeric
    /// item when it parses as one; a number answers a short-answer item as its text. Anything else stays as it was, so
    /// <see cref="QuestionValidator.ValidateAnswer"/> refuses it. Only an answer made from a <c>response</c> (<see cref="FromResponse"/>)
    /// is read this way; the kind-named fields (<c>choiceIds</c>, <c>number</c>, <c>text</c>) keep their strict meaning.
    /// </summary>
    public ItemAnswer ForKind(string kind) => !FromResponse ? this : kind switch
    {
        QuestionKinds.SingleChoice or QuestionKinds.MultipleResponse when ChoiceIds is null && Text is { } choice => new ItemAnswer(ChoiceIds: [choice]),
        QuestionKinds.Numeric when Number is null && Text is { } text && double.TryParse(
            text.Trim(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var parsed) => new ItemAnswer(Number: parsed),
        QuestionKinds.ShortAnswer when Text is null && Number is { } number => new ItemAnswer(Text: number.ToString("R", System.Globalization.CultureInfo.InvariantCulture)),
        _ => this with { FromResponse = false },
    };

    public string ToResponse() =>
        ChoiceIds is not null ? string.Join("[,]", ChoiceIds)
        : Number is { } n ? n.ToString("R", System.Globalization.CultureInfo.InvariantCulture)
        : Text ?? string.Empty;
}
