namespace AdaptiveMooc.ML.Training;

/// <summary>Figures of one risk evaluation (the JSON line of <c>risk-eval</c>).</summary>
public sealed record RiskEvaluationResult(
    string Target,
    int Cutoff,
    string Train,
    string Test,
    double Auc,
    double PrAuc,
    double RecallTop20,
    int N,
    double Positives,
    double BaselineLogisticAuc,
    double BaselineLogisticPrAuc,
    double BaselineLogisticRecallTop20,
    double FloorClicksPercentileAuc,
    int TrainN,
    double Seconds);
