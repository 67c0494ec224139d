namespace AdaptiveMooc.ML.Ranking;

/// <summary>A course after the protocol's hold-out: aggregates over the rows not held out, and the cases.</summary>
public sealed record NextLessonSplit(string CourseId, CourseRankingStats Stats, IReadOnlyList<NextLessonCase> Cases)
{
    /// <summary>The case as a ranking query over all of the course's candidates.</summary>
    public RankingQuery ToQuery(NextLessonCase nextCase)
    {
        ArgumentNullException.ThrowIfNull(nextCase);
        var n = Stats.Candidates.Count;
        var features = new float[n * RankingFeatures.Count];
        RankingFeatures.Compute(nextCase.History, Stats, nextCase.Day, features);
        var relevant = new bool[n];
        foreach (var lesson in nextCase.Target)
        {
            var i = Stats.IndexOf(lesson);
            if (i >= 0)
            {
                relevant[i] = true;
            }
        }

        return new RankingQuery(features, relevant);
    }
}
