namespace AdaptiveMooc.ML.KnowledgeTracing;

/// <summary>Positions in <see cref="KtFeatures.Names"/> that other code reads directly.</summary>
internal static class KtFeatureIndex
{
    /// <summary>"bktCorrect": BKT's P(correct), mean over the answer's skills (the BKT baseline's prediction).</summary>
    public const int BktCorrect = 18;
}
