namespace AdaptiveMooc.Grains.Abstractions.Cmi5;

/// <summary>What a launch needs to know of the AU: its ids, the generated activity id, the registration and its criteria.</summary>
[GenerateSerializer]
[Alias("mooc.Cmi5Unit")]
public sealed record Cmi5Unit(
    [property: Id(0)] string LearnerId,
    [property: Id(1)] string CourseId,
    [property: Id(2)] string LessonId,
    [property: Id(3)] string AuId,
    [property: Id(4)] string ActivityId,
    [property: Id(5)] Guid Registration,
    [property: Id(6)] string MoveOn,
    [property: Id(7)] double? MasteryScore);
