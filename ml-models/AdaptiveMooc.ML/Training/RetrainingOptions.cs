using AdaptiveMooc.ML.Ranking;
using AdaptiveMooc.ML.Risk;

namespace AdaptiveMooc.ML.Training;

/// <summary>How one retraining run splits, trains and judges (<see cref="ModelRetrainer"/>; docs/ML.md, "Retraining loop").</summary>
public sealed record RetrainingOptions
{
    /// <summary>Weeks of the most recent labelled data held out as the test window (default 6).</summary>
    public int TestWeeks { get; init; } = 6;

    public int Seed { get; init; } = RiskModel.DefaultSeed;

    /// <summary>
    /// How much worse than the serving model a candidate may measure and still count as "not worse"
    /// (on the model's primary metric, all of which are higher-is-better: AUC, NDCG@10).
    /// </summary>
    public double Tolerance { get; init; } = 0.005;

    /// <summary>Below this many examples of each class in the test window a model is not judged (and not promoted).</summary>
    public int MinimumTestPerClass { get; init; } = 20;

    /// <summary>
    /// A control: candidates learn from training labels shuffled among the examples (fixed seed), so
    /// they should measure no better than chance and the gate must refuse them.
    /// </summary>
    public bool ShuffleLabels { get; init; }

    /// <summary>
    /// The candidate lessons of a course (its lesson list, kinds and planned weeks), which the statement
    /// log does not hold; without it (or when it answers null) the ranking model is not retrained.
    /// </summary>
    public Func<string, CancellationToken, Task<IReadOnlyList<RankingCandidate>?>>? Lessons { get; init; }
}
