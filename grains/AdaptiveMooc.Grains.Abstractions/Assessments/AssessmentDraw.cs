namespace AdaptiveMooc.Grains.Abstractions.Assessments;

/// <summary>One attempt's items with their keys (server side only) and the definition they were drawn under.</summary>
[GenerateSerializer]
[Immutable]
[Alias("mooc.AssessmentDraw")]
public sealed record AssessmentDraw(
    [property: Id(0)] AssessmentDefinition Definition,
    [property: Id(1)] IReadOnlyList<QuestionItem> Items);
