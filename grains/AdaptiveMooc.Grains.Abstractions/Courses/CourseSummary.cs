namespace AdaptiveMooc.Grains.Abstractions.Courses;

/// <summary>A catalogue row: enough to list and filter courses without activating each course grain.</summary>
[GenerateSerializer]
[Alias("mooc.CourseSummary")]
public sealed record CourseSummary(
    [property: Id(0)] string Id,
    [property: Id(1)] string Title,
    [property: Id(2)] string Field,
    [property: Id(3)] string? Description,
    [property: Id(4)] string? Language,
    [property: Id(5)] string PricingKind,
    [property: Id(6)] bool Published,
    [property: Id(7)] string OwnerTrainerId,
    [property: Id(8)] IReadOnlyList<string> CoTrainerIds,
    [property: Id(9)] int LessonCount);
