using Microsoft.ML.Data;

namespace AdaptiveMooc.ML.KnowledgeTracing;

/// <summary>ML.NET schema of one knowledge-tracing example (features of the next answer, and that answer).</summary>
public sealed class KtFeatureRow
{
    /// <summary>Length of <see cref="Features"/>; must equal <see cref="KtFeatures.Count"/> (checked by a test).</summary>
    public const int FeatureCount = 35;

    public bool Label { get; set; }

    [VectorType(FeatureCount)]
    public float[] Features { get; set; } = new float[FeatureCount];
}
