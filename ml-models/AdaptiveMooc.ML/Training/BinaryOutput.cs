namespace AdaptiveMooc.ML.Training;

/// <summary>Output row of a calibrated binary model with feature contributions appended.</summary>
internal sealed class BinaryOutput
{
    public float Probability { get; set; }

    public float Score { get; set; }

    public float[] FeatureContributions { get; set; } = [];
}
