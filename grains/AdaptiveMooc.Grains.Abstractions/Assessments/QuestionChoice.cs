namespace AdaptiveMooc.Grains.Abstractions.Assessments;

/// <summary>One choice of a choice item.</summary>
[GenerateSerializer]
[Immutable]
[Alias("mooc.QuestionChoice")]
public sealed record QuestionChoice(
    [property: Id(0)] string Id,
    [property: Id(1)] string Text);
