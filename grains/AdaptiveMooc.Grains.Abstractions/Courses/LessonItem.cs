namespace AdaptiveMooc.Grains.Abstractions.Courses;

/// <summary>A quiz item with the skills it exercises.</summary>
[GenerateSerializer]
[Immutable]
[Alias("mooc.LessonItem")]
public sealed record LessonItem(
    [property: Id(0)] string Id,
    [property: Id(1)] IReadOnlyList<string>? Skills = null);
