namespace AdaptiveMooc.ML.Ranking;

/// <summary>A course after the protocol's hold-out: aggregates over the rows not held out, and the cases.</summary>
public sealed record NextLessonSplit(string CourseId, CourseRankingStats Stats, IReadOnlyList<NextLessonCase> Cases)
{
    /// <summary>The case as a ranking query over all of the course's candidates.</summary>
    public RankingQuery ToQuery(NextLessonCase nextCase) => NextLessonProtocol.ToQuery(nextCase, Stats);
}
