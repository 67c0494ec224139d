namespace AdaptiveMooc.Grains.Abstractions.Statements;

/// <summary>
/// One validated xAPI statement on its way into the store. <see cref="Json"/> is the canonical statement
/// as sent (without <c>stored</c>, <c>authority</c> and <c>version</c>); <see cref="ContentHash"/> is its
/// SHA-256 (hex) and decides whether a repeated id is the same statement. The remaining fields are what
/// progress needs, extracted once at the edge so a replay never re-parses JSON. <see cref="CourseId"/> and
/// <see cref="LessonId"/> are null for activities the platform does not know. <see cref="FromGrader"/> says
/// whether the statement's source may grade (an admin, a trainer of the course, an API key allowed on the
/// course); it is stored with the statement so grades are judged by their source whenever they are
/// evaluated, whatever the course looks like then (docs/SECURITY.md, "Grades and their sources").
/// <see cref="LearnerId"/> is empty when the actor is no platform learner (the statement is stored, not
/// interpreted); <see cref="ActivityId"/> is empty when the object is no Activity. <see cref="Index"/> holds
/// what LRS queries need (null for statements written before migration 0120 or by grains).
/// </summary>
[GenerateSerializer]
[Alias("mooc.StatementRecord")]
public sealed record StatementRecord(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string LearnerId,
    [property: Id(2)] string Verb,
    [property: Id(3)] string ActivityId,
    [property: Id(4)] DateTimeOffset Timestamp,
    [property: Id(5)] string Json,
    [property: Id(6)] string ContentHash,
    [property: Id(7)] string? CourseId,
    [property: Id(8)] string? LessonId,
    [property: Id(9)] string? ItemId,
    [property: Id(10)] bool? Success,
    [property: Id(11)] bool? Completion,
    [property: Id(12)] double? ScoreScaled,
    [property: Id(13)] TimeSpan? Duration,
    [property: Id(14)] bool FromGrader = false,
    [property: Id(15)] XapiIndex? Index = null)
{
    /// <summary>Whether the actor was mapped to a platform learner (<see cref="LearnerId"/> is empty for plain LRS data).</summary>
    public bool IsInterpreted => LearnerId.Length > 0;
}
