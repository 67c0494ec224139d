namespace AdaptiveMooc.Grains.Abstractions.Recommendations;

/// <summary>One event's contribution to a course's ranking statistics (the ML <c>RankingObservation</c>), sent by the learner grain.</summary>
[GenerateSerializer]
[Alias("mooc.RankingObservationMessage")]
public sealed record RankingObservationMessage(
    [property: Id(0)] string LessonId,
    [property: Id(1)] int Day,
    [property: Id(2)] int Count,
    [property: Id(3)] bool NewDay,
    [property: Id(4)] IReadOnlyList<string> LeftDayLessons,
    [property: Id(5)] bool NewLessonDay,
    [property: Id(6)] IReadOnlyList<string> TransitionSources);
