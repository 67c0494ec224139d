namespace AdaptiveMooc.ML.Training;

/// <summary>What a retraining run read and decided, model by model, and the model-card section it wrote.</summary>
public sealed record RetrainingReport(
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    int Statements,
    int Courses,
    bool ShuffledLabels,
    IReadOnlyList<ModelDecision> Models,
    string Card);
