namespace AdaptiveMooc.ML.Training;

/// <summary>
/// A check on new runs of modules training has seen (the shape of train-on-the-past, test-on-the-future):
/// the model and the count-based logistic regression trained on the same registrations, one AUC each
/// over every scored registration.
/// </summary>
public sealed record RiskSeenModuleCheck(string Train, string Test, double Auc, double BaselineLogisticAuc, int N, int Positives);
