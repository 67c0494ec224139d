namespace AdaptiveMooc.ML.Risk;

/// <summary>What a saved risk model predicts and how it was trained (written beside the model file).</summary>
/// <param name="Target"><c>withdrawn</c> or <c>at-risk</c> (withdrawn or failed).</param>
/// <param name="CutoffDays">Course days the training snapshots were taken at.</param>
/// <param name="TrainedOn">Training rows.</param>
public sealed record RiskModelInfo(string Target, IReadOnlyList<int> CutoffDays, string Data, int TrainedOn = 0)
{
    public IReadOnlyList<string> FeatureNames { get; init; } = RiskFeatures.Names;
}
