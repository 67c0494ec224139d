namespace AdaptiveMooc.Grains.Abstractions.Courses;

/// <summary>
/// What a course grain holds: its published (or, before the first publication, its only) definition, who teaches it and
/// whether learners may enrol. <see cref="PublishedVersion"/> numbers the published definitions (0 before the first
/// publication); each is immutable and kept (<see cref="ICourseVersionGrain"/>). <see cref="HasDraft"/>: a next version
/// is being edited and not yet published.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("mooc.CourseSnapshot")]
public sealed record CourseSnapshot(
    [property: Id(0)] CourseDefinition Definition,
    [property: Id(1)] string OwnerTrainerId,
    [property: Id(2)] IReadOnlyList<string> CoTrainerIds,
    [property: Id(3)] bool Published,
    [property: Id(4)] DateTimeOffset? PublishedAt,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] DateTimeOffset UpdatedAt,
    [property: Id(7)] int Version,
    [property: Id(8)] int PublishedVersion = 0,
    [property: Id(9)] bool HasDraft = false)
{
    public bool IsTaughtBy(string trainerId) =>
        string.Equals(OwnerTrainerId, trainerId, StringComparison.Ordinal) || CoTrainerIds.Contains(trainerId, StringComparer.Ordinal);
}
