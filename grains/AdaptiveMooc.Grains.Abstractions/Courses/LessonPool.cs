namespace AdaptiveMooc.Grains.Abstractions.Courses;

/// <summary>
/// A quiz or assignment that draws <see cref="Count"/> random items, per attempt, from the course's question bank
/// items tagged with any of <see cref="Skills"/> (docs/ASSESSMENTS.md, "Quizzes in the course definition").
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("mooc.LessonPool")]
public sealed record LessonPool(
    [property: Id(0)] IReadOnlyList<string>? Skills,
    [property: Id(1)] int Count)
{
    public const int MaxSkills = 20;
    public const int MaxCount = 100;
}
