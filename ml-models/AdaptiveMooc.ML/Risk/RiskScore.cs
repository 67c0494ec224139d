namespace AdaptiveMooc.ML.Risk;

/// <summary>A calibrated probability of the model's target and the top reasons pushing it up.</summary>
public sealed record RiskScore(double Risk, IReadOnlyList<RiskReason> Reasons);
