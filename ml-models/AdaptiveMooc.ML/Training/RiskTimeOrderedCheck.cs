namespace AdaptiveMooc.ML.Training;

/// <summary>
/// Trained on the earlier presentations, scored on the latest presentation's modules that training
/// has seen: the model and the count-based logistic regression trained on the same registrations.
/// </summary>
public sealed record RiskTimeOrderedCheck(string Train, string Test, double Auc, double BaselineLogisticAuc, int N, int Positives);
