namespace AdaptiveMooc.ML.Ranking;

/// <summary>
/// One learner-day of the next-lesson protocol: the learner's state frozen before <paramref name="Day"/>
/// and the distinct lessons they used on it.
/// </summary>
/// <param name="IsHoldout">True for the learner's last active day, the one the evaluation scores.</param>
public sealed record NextLessonCase(
    string LearnerId,
    int Day,
    LearnerRankingState History,
    IReadOnlySet<string> Target,
    bool IsHoldout);
