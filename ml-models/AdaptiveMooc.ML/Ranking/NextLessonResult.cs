namespace AdaptiveMooc.ML.Ranking;

/// <summary>Mean Recall@k / NDCG@k of the model and of the popularity baseline over <see cref="N"/> cases;
/// <see cref="CeilingRecall"/> is the best Recall@k any ranking of the candidates could reach (targets larger than k, resources outside the catalogue).</summary>
public sealed record NextLessonResult(
    int K,
    double Recall,
    double Ndcg,
    double BaselineRecall,
    double BaselineNdcg,
    int N,
    double CeilingRecall);
