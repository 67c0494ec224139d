namespace AdaptiveMooc.ML.Ranking;

/// <summary>Mean Recall@k / NDCG@k of the model and of the popularity baseline over <see cref="N"/> cases.</summary>
public sealed record NextLessonResult(
    int K,
    double Recall,
    double Ndcg,
    double BaselineRecall,
    double BaselineNdcg,
    int N);
