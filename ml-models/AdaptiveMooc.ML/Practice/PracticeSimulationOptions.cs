namespace AdaptiveMooc.ML.Practice;

/// <summary>Settings of <see cref="PracticeSimulator"/>.</summary>
/// <param name="Learners">Simulated learners (each practises one skill under every order).</param>
/// <param name="Seed">Seed of every random draw.</param>
/// <param name="MasteryThreshold">Practice stops when the tracked P(known) reaches this.</param>
/// <param name="MaxItems">Practice gives up after this many items (the learner counts as not reaching mastery).</param>
/// <param name="Within">The "reached mastery within N items" figure.</param>
/// <param name="Band">The adaptive policy's desirable-difficulty band.</param>
/// <param name="UseLearningRates">Whether the adaptive policy is told the items' fitted learning rates (false: it ranks the
/// in-band items by discrimination alone, the policy before the learning rates were used).</param>
public sealed record PracticeSimulationOptions(
    int Learners = 5000,
    int Seed = 1,
    double MasteryThreshold = 0.95,
    int MaxItems = 100,
    int Within = 30,
    PracticeBand? Band = null,
    bool UseLearningRates = true)
{
    /// <summary>A learner "kept far from their level" gets this many far picks in a row.</summary>
    public const int FarRun = 5;
}
