namespace AdaptiveMooc.Grains.Abstractions.Assessments;

/// <summary>A learner's answer to one item: <see cref="ChoiceIds"/> for choice kinds, <see cref="Number"/> for numeric, <see cref="Text"/> for short answer.</summary>
[GenerateSerializer]
[Immutable]
[Alias("mooc.ItemAnswer")]
public sealed record ItemAnswer(
    [property: Id(0)] IReadOnlyList<string>? ChoiceIds = null,
    [property: Id(1)] double? Number = null,
    [property: Id(2)] string? Text = null)
{
    public const int MaxTextLength = 500;

    /// <summary>The answer as xAPI's <c>result.response</c> writes it.</summary>
    public string ToResponse() =>
        ChoiceIds is not null ? string.Join("[,]", ChoiceIds)
        : Number is { } n ? n.ToString("R", System.Globalization.CultureInfo.InvariantCulture)
        : Text ?? string.Empty;
}
