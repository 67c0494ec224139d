namespace AdaptiveMooc.ML.Ranking;

/// <summary>
/// What one event contributes to <see cref="CourseRankingStats"/>, as the learner's state saw it before
/// the event. A learner grain produces it with <see cref="LearnerRankingState.Apply(string, int, int)"/>
/// and hands it to the course's aggregate; it holds at most
/// <see cref="LearnerRankingState.PreviousDayCapacity"/> lessons per list.
/// </summary>
/// <param name="LessonId">Lesson of the event.</param>
/// <param name="Day">Course day the event counts on.</param>
/// <param name="Count">Interactions.</param>
/// <param name="NewDay">First event of a new active day of the learner.</param>
/// <param name="LeftDayLessons">When <paramref name="NewDay"/>: lessons of the active day being left (empty on the first day).</param>
/// <param name="NewLessonDay">First use of the lesson on this day by the learner.</param>
/// <param name="TransitionSources">When <paramref name="NewLessonDay"/>: lessons of the learner's previous active day.</param>
public sealed record RankingObservation(
    string LessonId,
    int Day,
    int Count,
    bool NewDay,
    IReadOnlyList<string> LeftDayLessons,
    bool NewLessonDay,
    IReadOnlyList<string> TransitionSources);
