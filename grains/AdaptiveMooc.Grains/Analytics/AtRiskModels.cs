using AdaptiveMooc.ML.Risk;

namespace AdaptiveMooc.Grains.Analytics;

/// <summary>The risk models one request is served with (one snapshot of the model catalog), or why there are none.</summary>
internal sealed record AtRiskModels(string Version, RiskModel? Withdrawn, RiskModel? AtRisk, string? Problem = null);
