namespace AdaptiveMooc.ML.KnowledgeTracing;

/// <summary>
/// Training settings. The defaults are generic gradient-boosting settings chosen before looking at any
/// evaluation file; the same values are used for every dataset.
/// </summary>
public sealed record KtTrainerOptions
{
    public int Seed { get; init; } = 1;

    public int Iterations { get; init; } = 300;

    public int Leaves { get; init; } = 63;

    public double LearningRate { get; init; } = 0.05;

    public int MinimumExamplesPerLeaf { get; init; } = 100;

    /// <summary>Share of training rows each tree sees (bagging; 1 = all).</summary>
    public double RowSubsample { get; init; } = 0.5;

    /// <summary>Share of features each tree may split on.</summary>
    public double FeatureSubsample { get; init; } = 0.8;

    /// <summary>
    /// For <see cref="KnowledgeTracingTrainer.Train"/>: share of learners held out to measure the
    /// model before it is refitted on everyone (0 = no measurement).
    /// </summary>
    public double HoldoutFraction { get; init; }

    /// <summary>Progress messages (the CLI sends them to stderr).</summary>
    public Action<string>? Log { get; init; }
}
