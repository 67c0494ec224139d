using AdaptiveMooc.Grains.Abstractions.Planning;

namespace AdaptiveMooc.Api.Contracts;

/// <summary>One session of the learner plan; <c>id</c> is stable across replans (the calendar event's UID).</summary>
public sealed record LearnerPlanSessionResponse(
    string Id,
    DateTimeOffset Start,
    DateTimeOffset End,
    string CourseId,
    IReadOnlyList<string> LessonIds,
    string Status)
{
    public static LearnerPlanSessionResponse From(LearnerPlanSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return new(session.Id, session.Start, session.End, session.CourseId, session.LessonIds, session.Status);
    }
}
