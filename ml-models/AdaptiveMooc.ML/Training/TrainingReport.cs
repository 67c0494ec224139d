namespace AdaptiveMooc.ML.Training;

/// <summary>Contents of <c>metrics.json</c>.</summary>
public sealed record TrainingReport(DateTimeOffset TrainedAt, string Data, string Split, IReadOnlyDictionary<string, object> Figures, double Seconds);
