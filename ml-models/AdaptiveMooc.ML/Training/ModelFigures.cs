namespace AdaptiveMooc.ML.Training;

/// <summary>What one model measured on a test window: its primary metric, the examples scored, and secondary figures.</summary>
/// <param name="Model">What was measured: a candidate, the serving model's version, or "untrained" (what serves without a file).</param>
/// <param name="Value">The primary metric (higher is better).</param>
/// <param name="N">Test examples scored.</param>
/// <param name="Other">Secondary figures by name (PR-AUC, RMSE, MAE in days, recall@10, ...).</param>
public sealed record ModelFigures(string Model, double Value, int N, IReadOnlyDictionary<string, double> Other);
