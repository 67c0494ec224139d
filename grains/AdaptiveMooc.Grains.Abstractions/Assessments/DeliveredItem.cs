namespace AdaptiveMooc.Grains.Abstractions.Assessments;

/// <summary>An item as a learner receives it before answering: the prompt and choices only.</summary>
[GenerateSerializer]
[Immutable]
[Alias("mooc.DeliveredItem")]
public sealed record DeliveredItem(
    [property: Id(0)] string Id,
    [property: Id(1)] string Kind,
    [property: Id(2)] string Prompt,
    [property: Id(3)] IReadOnlyList<string> Skills,
    [property: Id(4)] IReadOnlyList<QuestionChoice> Choices);
