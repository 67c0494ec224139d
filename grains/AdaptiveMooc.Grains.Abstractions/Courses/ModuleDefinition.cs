namespace AdaptiveMooc.Grains.Abstractions.Courses;

[GenerateSerializer]
[Immutable]
[Alias("mooc.ModuleDefinition")]
public sealed record ModuleDefinition(
    [property: Id(0)] string Id,
    [property: Id(1)] string Title,
    [property: Id(2)] IReadOnlyList<LessonDefinition>? Lessons);
