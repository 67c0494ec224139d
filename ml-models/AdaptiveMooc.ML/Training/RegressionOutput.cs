namespace AdaptiveMooc.ML.Training;

/// <summary>Output row of a regression model.</summary>
internal sealed class RegressionOutput
{
    public float Score { get; set; }
}
