namespace AdaptiveMooc.ML.Ranking;

/// <summary>LambdaRank settings; the defaults are the ones the documented figures were measured with.</summary>
public sealed record RankingTrainerOptions
{
    public int Seed { get; init; } = 42;

    public int Iterations { get; init; } = 150;

    public int Leaves { get; init; } = 31;

    public double LearningRate { get; init; } = 0.1;

    public int MinimumExamplesPerLeaf { get; init; } = 50;

    /// <summary>
    /// Candidates that are neither used that day, known to the learner, nor among the week's most
    /// popular are sampled down to this many per query: they are easy negatives and dominate the rows.
    /// </summary>
    public int SampledNegativesPerQuery { get; init; } = 30;

    /// <summary>Earlier active days per learner added as training cases beside the held-out last day.</summary>
    public int ExtraDaysPerLearner { get; init; } = 2;

    /// <summary>Candidates of the week's popularity top kept in every training query.</summary>
    public int PopularKeptPerQuery { get; init; } = 30;
}
