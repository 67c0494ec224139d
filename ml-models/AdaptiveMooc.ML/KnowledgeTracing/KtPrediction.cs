namespace AdaptiveMooc.ML.KnowledgeTracing;

/// <summary>ML.NET output of the binary classifier.</summary>
public sealed class KtPrediction
{
    public float Probability { get; set; }

    public float Score { get; set; }
}
