namespace AdaptiveMooc.ML.Ranking;

/// <summary>LambdaRank settings; the defaults are the ones the documented figures were measured with.</summary>
public sealed record RankingTrainerOptions
{
    public int Seed { get; init; } = 42;

    public int Iterations { get; init; } = 100;

    public int Leaves { get; init; } = 31;

    public double LearningRate { get; init; } = 0.1;

    public int MinimumExamplesPerLeaf { get; init; } = 50;

    /// <summary>
    /// Candidates that are neither used that day, known to the learner, nor among the week's most
    /// popular are sampled down to this many per query: they are easy negatives and dominate the rows
    /// of large courses. Measured on 2013B → 2013J: 30 loses 1.8 points of Recall@10 against 150.
    /// </summary>
    public int SampledNegativesPerQuery { get; init; } = 150;

    /// <summary>Earlier active days per learner added as training cases beside the held-out last day.</summary>
    public int ExtraDaysPerLearner { get; init; }

    /// <summary>Candidates of the week's popularity top kept in every training query.</summary>
    public int PopularKeptPerQuery { get; init; } = 30;

    /// <summary>
    /// Course aggregates of the training queries: time-ordered (rows dated before each query's day, as
    /// in service; the default) or pooled (every row not held out).
    /// </summary>
    public NextLessonStatistics Statistics { get; init; } = NextLessonStatistics.TimeOrdered;
}
