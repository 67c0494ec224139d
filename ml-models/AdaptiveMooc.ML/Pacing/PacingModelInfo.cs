namespace AdaptiveMooc.ML.Pacing;

/// <summary>What is saved beside the two pacing model files: training priors and settings.</summary>
public sealed record PacingModelInfo(
    string Data,
    IReadOnlyDictionary<string, PacingPrior> Priors,
    IReadOnlyDictionary<string, PacingPrior> KindPriors,
    PacingPrior Global,
    double MinutesPriorStrength,
    int TrainedOn)
{
    public IReadOnlyList<string> FeatureNames { get; init; } = PacingFeatures.Names;
}
