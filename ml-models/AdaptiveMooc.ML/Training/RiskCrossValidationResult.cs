namespace AdaptiveMooc.ML.Training;

/// <summary>
/// Module-held-out cross-validation inside the training presentations (<c>risk-eval --cv modules</c>):
/// the figure to choose settings with, since the test presentations must not be looked at.
/// </summary>
/// <param name="MeanAuc">Mean of the per-module AUCs.</param>
/// <param name="PooledAuc">AUC over every held-out registration scored together (modules differ in base rate).</param>
/// <param name="BaselineLogisticPooledAuc">The count-based logistic regression's AUC over the same pooled registrations.</param>
/// <param name="TimeOrdered">Earlier presentations → the latest one, modules seen in training only; null with one presentation id.</param>
/// <param name="OtherRuns">Each run of a module with several held out, trained on every other presentation; null when no module recurs.</param>
public sealed record RiskCrossValidationResult(
    string Target,
    int Cutoff,
    string Train,
    IReadOnlyList<RiskFold> Folds,
    double MeanAuc,
    double PooledAuc,
    double BaselineLogisticMeanAuc,
    double BaselineLogisticPooledAuc,
    RiskSeenModuleCheck? TimeOrdered,
    RiskSeenModuleCheck? OtherRuns,
    double Seconds);

/// <summary>One held-out module: the model and the count-based logistic regression on it.</summary>
public sealed record RiskFold(string Module, double Auc, double BaselineLogisticAuc, int N, int Positives);
