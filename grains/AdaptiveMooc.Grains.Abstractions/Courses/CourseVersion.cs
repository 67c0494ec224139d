namespace AdaptiveMooc.Grains.Abstractions.Courses;

/// <summary>A published, immutable version of a course.</summary>
[GenerateSerializer]
[Immutable]
[Alias("mooc.CourseVersion")]
public sealed record CourseVersion(
    [property: Id(0)] int Version,
    [property: Id(1)] CourseDefinition Definition,
    [property: Id(2)] DateTimeOffset PublishedAt);
