namespace AdaptiveMooc.ML.Events;

/// <summary>
/// One learning event as every model consumes it: an xAPI statement of the platform reduced to what
/// features use. Dataset adapters produce these; the learner grain produces the same from statements,
/// so training and serving share one feature path.
/// </summary>
/// <param name="LearnerId">Platform learner id (the statement actor's account name).</param>
/// <param name="CourseId">Course of the activity.</param>
/// <param name="LessonId">Lesson of the activity, null for course-level activities (webinars, forum).</param>
/// <param name="ItemId">Quiz item, when the statement is about one.</param>
/// <param name="Verb">Interpreted verb.</param>
/// <param name="Timestamp">Statement timestamp (not arrival time).</param>
/// <param name="Success">result.success, when given.</param>
/// <param name="ScoreScaled">result.score.scaled in [-1, 1], when given.</param>
/// <param name="Duration">result.duration, when given.</param>
/// <param name="Skills">Skills of the lesson or item (from the course definition).</param>
/// <param name="Count">How many raw interactions the event stands for (e.g. a day's clicks on a resource); 1 otherwise.</param>
public sealed record LearningEvent(
    string LearnerId,
    string CourseId,
    string? LessonId,
    string? ItemId,
    LearningVerb Verb,
    DateTimeOffset Timestamp,
    bool? Success,
    double? ScoreScaled,
    TimeSpan? Duration,
    IReadOnlyList<string> Skills,
    int Count = 1);
