namespace AdaptiveMooc.Grains.Abstractions.Analytics;

/// <summary>
/// What analytics keep of one applied statement about a course the platform knows. <see cref="LessonId"/>
/// is null for course-level activity and for lessons the course does not hold; <see cref="Outcome"/> is
/// the graded outcome that counts toward skill mastery (as progress counts it), null when ungraded.
/// <see cref="Verb"/>, <see cref="Success"/>, <see cref="ScoreScaled"/> and <see cref="Count"/> are the
/// learning event's own fields (null verb: the statement is no learning event), which the risk
/// features replay through the ML project's feature code. <see cref="Sequence"/> is the statement's
/// sequence in the store: a shard row applies each learner's facts once, in sequence order, and catches
/// up from the store after it. <see cref="Mastery"/> is the learner's knowledge-tracing mastery of the
/// fact's skills right after this graded fact (null when ungraded or unknown). <see cref="PreviousSequence"/>
/// is the sequence of the learner's previous statement about the course that the learner grain sent to
/// analytics (0 for the first, or unknown): a row behind it missed a fact (a failed call) and catches up
/// from the store before applying this one. <see cref="Enrolment"/> is the learner's enrolment in the
/// course as the learner grain holds it when sending the fact (null when not enrolled, and for facts read
/// back from the store): a row that differs missed an enrolment change (a failed call) and takes it.
/// </summary>
[GenerateSerializer]
[Alias("mooc.AnalyticsFact")]
public sealed record AnalyticsFact(
    [property: Id(0)] Guid StatementId,
    [property: Id(1)] string LearnerId,
    [property: Id(2)] string CourseId,
    [property: Id(3)] DateTimeOffset Timestamp,
    [property: Id(4)] string? LessonId,
    [property: Id(5)] bool Completes,
    [property: Id(6)] double? Score,
    [property: Id(7)] bool? Outcome,
    [property: Id(8)] IReadOnlyList<string> Skills,
    [property: Id(9)] string? Verb = null,
    [property: Id(10)] bool? Success = null,
    [property: Id(11)] double? ScoreScaled = null,
    [property: Id(12)] int Count = 1,
    [property: Id(13)] long Sequence = 0,
    [property: Id(14)] IReadOnlyDictionary<string, double>? Mastery = null,
    [property: Id(15)] long PreviousSequence = 0,
    [property: Id(16)] AnalyticsEnrolment? Enrolment = null);
