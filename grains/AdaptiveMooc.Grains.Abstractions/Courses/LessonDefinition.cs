namespace AdaptiveMooc.Grains.Abstractions.Courses;

/// <summary>
/// One lesson of a course (required unless it says otherwise). <see cref="DueDay"/> counts from the course start date, or from enrolment without one.
/// <see cref="Body"/> is the Markdown the platform renders (sanitised) for readings and tutorials; <see cref="MediaId"/> names a file
/// uploaded to the course (its SHA-256), <see cref="ContentUrl"/> an outside page or video (docs/CONTENT.md).
/// A quiz or assignment names its question-bank items in <see cref="Items"/> (a fixed list) or draws them with <see cref="Pool"/>.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("mooc.LessonDefinition")]
public sealed record LessonDefinition(
    [property: Id(0)] string Id,
    [property: Id(1)] string Title,
    [property: Id(2)] string Kind,
    [property: Id(3)] int Minutes,
    [property: Id(4)] IReadOnlyList<string>? Skills = null,
    [property: Id(5)] IReadOnlyList<string>? Prerequisites = null,
    [property: Id(6)] bool Required = true,
    [property: Id(7)] string? ContentUrl = null,
    [property: Id(8)] int? DueDay = null,
    [property: Id(9)] IReadOnlyList<LessonItem>? Items = null,
    [property: Id(10)] string? Body = null,
    [property: Id(11)] string? MediaId = null,
    [property: Id(12)] LessonPool? Pool = null);
