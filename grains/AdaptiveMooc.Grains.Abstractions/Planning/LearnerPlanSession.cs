namespace AdaptiveMooc.Grains.Abstractions.Planning;

/// <summary>One session of a learner's plan.</summary>
/// <param name="Id">Stable id: a replan moves the session and keeps its id (the calendar event's UID).</param>
/// <param name="Start">Start, with the learner's local offset.</param>
/// <param name="End">End, with the learner's local offset.</param>
/// <param name="CourseId">The course studied.</param>
/// <param name="LessonIds">Lessons worked on, in order.</param>
/// <param name="Status"><c>planned</c>, <c>done</c> (activity on its lessons after it began) or <c>missed</c>.</param>
[GenerateSerializer]
[Alias("mooc.LearnerPlanSession")]
public sealed record LearnerPlanSession(
    [property: Id(0)] string Id,
    [property: Id(1)] DateTimeOffset Start,
    [property: Id(2)] DateTimeOffset End,
    [property: Id(3)] string CourseId,
    [property: Id(4)] IReadOnlyList<string> LessonIds,
    [property: Id(5)] string Status)
{
    public const string Planned = "planned";
    public const string Done = "done";
    public const string Missed = "missed";
}
