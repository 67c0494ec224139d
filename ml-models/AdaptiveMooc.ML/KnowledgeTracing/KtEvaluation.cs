namespace AdaptiveMooc.ML.KnowledgeTracing;

/// <summary>Outcome of training on some learners and scoring others.</summary>
public sealed record KtEvaluation(
    KnowledgeTracingModel Model,
    KtMetrics Metrics,
    int TrainingExamples,
    double FitSeconds,
    double ScoreSeconds);
