namespace AdaptiveMooc.Grains.Abstractions.Planning;

/// <summary>One study session and the lessons worked on in it, in order.</summary>
[GenerateSerializer]
[Alias("mooc.PlanSession")]
public sealed record PlanSession(
    [property: Id(0)] DateTimeOffset Start,
    [property: Id(1)] DateTimeOffset End,
    [property: Id(2)] IReadOnlyList<string> LessonIds);
