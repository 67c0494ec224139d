namespace AdaptiveMooc.ML.KnowledgeTracing;

/// <summary>A trained model, with its held-out figures when a hold-out was requested.</summary>
public sealed record KtTrainResult(KnowledgeTracingModel Model, KtMetrics? Holdout, int TrainingExamples, int Learners);
