namespace AdaptiveMooc.ML.KnowledgeTracing;

/// <summary>Figures of one evaluation: the model's and the BKT baseline's on the same scored answers.</summary>
/// <param name="N">Scored answers: every answer except each learner's first.</param>
public sealed record KtMetrics(double Auc, double Rmse, int N, double BktAuc, double BktRmse);
