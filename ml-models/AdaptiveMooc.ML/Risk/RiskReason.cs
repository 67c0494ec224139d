namespace AdaptiveMooc.ML.Risk;

/// <summary>
/// One reason behind a risk score, for trainers: a stable code (e.g. <c>inactive-recently</c>), the
/// sentence a dashboard can show, and the share of the score it explains (the model's feature
/// contribution, summed over the features that map to the code).
/// </summary>
public sealed record RiskReason(string Code, string Text, double Contribution);
