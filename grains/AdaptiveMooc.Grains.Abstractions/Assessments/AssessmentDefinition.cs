using AdaptiveMooc.Grains.Abstractions.Courses;

namespace AdaptiveMooc.Grains.Abstractions.Assessments;

/// <summary>
/// How a quiz or assignment lesson draws its items and what it allows: a fixed list of bank items
/// (<see cref="ItemIds"/>, delivered in that order), random items per skill (<see cref="Pools"/>) or random items
/// tagged with any of several skills (<see cref="Pool"/>, as a course definition's <c>pool</c> writes it), exactly
/// one of them; an optional time limit and an optional maximum number of attempts; the score that passes.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("mooc.AssessmentDefinition")]
public sealed record AssessmentDefinition(
    [property: Id(0)] IReadOnlyList<string>? ItemIds = null,
    [property: Id(1)] IReadOnlyList<SkillPool>? Pools = null,
    [property: Id(2)] int? TimeLimitMinutes = null,
    [property: Id(3)] int? MaxAttempts = null,
    [property: Id(4)] double PassScore = 0.6,
    [property: Id(5)] LessonPool? Pool = null)
{
    public const int MaxItems = 100;
    public const int MaxTimeLimitMinutes = 600;

    /// <summary>Attempts a learner may start when the definition sets no maximum (keeps attempt state bounded).</summary>
    public const int AttemptsCeiling = 100;

    public int ItemCount => ItemIds?.Count ?? Pools?.Sum(p => p.Count) ?? Pool?.Count ?? 0;

    /// <summary>
    /// What a lesson of the course definition says when no assessment was set for it: its <c>items</c> as a fixed list or
    /// its <c>pool</c>, passing at the course certificate's threshold (else 0.6), no time limit, no maximum; null when the
    /// lesson names neither.
    /// </summary>
    public static AssessmentDefinition? FromLesson(LessonDefinition lesson, CourseDefinition course)
    {
        ArgumentNullException.ThrowIfNull(lesson);
        ArgumentNullException.ThrowIfNull(course);
        var passScore = course.Certificate?.PassThreshold ?? 0.6;
        if (lesson.Items is { Count: > 0 } items)
        {
            return new AssessmentDefinition(ItemIds: [.. items.Select(i => i.Id)], PassScore: passScore);
        }

        return lesson.Pool is { } pool ? new AssessmentDefinition(PassScore: passScore, Pool: pool) : null;
    }
}
