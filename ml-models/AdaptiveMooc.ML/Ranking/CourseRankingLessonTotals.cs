namespace AdaptiveMooc.ML.Ranking;

/// <summary>Whole-course aggregates of one lesson in a <see cref="CourseRankingStatsSnapshot"/>.</summary>
/// <param name="Transitions">Lessons used on the next active day after a day that used this one, with counts.</param>
public sealed record CourseRankingLessonTotals(
    string LessonId,
    int LearnerDays,
    double Clicks,
    int FirstDay,
    int TransitionSources,
    IReadOnlyDictionary<string, int> Transitions);
