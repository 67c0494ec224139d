namespace AdaptiveMooc.ML.Practice;

/// <summary>What one practice order achieved over the simulated learners.</summary>
/// <param name="Order">The order.</param>
/// <param name="MeanItems">Mean items answered until mastery (a learner who never got there counts as the cap).</param>
/// <param name="MedianItems">Median of the same.</param>
/// <param name="P90Items">90th percentile of the same.</param>
/// <param name="MasteredWithin">Share of learners reaching mastery within <see cref="PracticeSimulationOptions.Within"/> items.</param>
/// <param name="MasteredAtAll">Share reaching it before the cap.</param>
/// <param name="TrulyKnownAtMastery">Among those reaching mastery, the share whose simulated skill really was known then.</param>
/// <param name="PicksOutsideBand">Share of picks whose predicted P(correct) lay outside the band.</param>
/// <param name="PicksFar">Share of picks far from the learner's level (predicted P(correct) below 0.40 or above 0.95).</param>
/// <param name="OutsideWhenReachable">Among picks made when at least one item of the skill lay in the band, the share outside it.</param>
/// <param name="LearnersKeptFar">Share of learners given <see cref="PracticeSimulationOptions.FarRun"/> or more far picks in a row.</param>
/// <param name="Picks">Items answered in total.</param>
public sealed record PracticeOrderResult(
    PracticeOrder Order,
    double MeanItems,
    double MedianItems,
    double P90Items,
    double MasteredWithin,
    double MasteredAtAll,
    double TrulyKnownAtMastery,
    double PicksOutsideBand,
    double PicksFar,
    double OutsideWhenReachable,
    double LearnersKeptFar,
    long Picks);
