namespace AdaptiveMooc.ML.Ranking;

/// <summary>
/// A lesson that can be recommended: on the platform a course lesson (kind = lesson kind, planned week
/// from its <c>dueDay</c>), in OULAD a VLE resource (kind = <c>activity_type</c>, planned week =
/// <c>week_from</c>).
/// </summary>
/// <param name="LessonId">Lesson id (OULAD: <c>id_site</c>).</param>
/// <param name="Kind">Lesson kind or OULAD activity type; mapped by <see cref="LessonKinds"/>.</param>
/// <param name="PlannedWeek">Course week the lesson is planned for, when known.</param>
public sealed record RankingCandidate(string LessonId, string Kind, int? PlannedWeek = null);
