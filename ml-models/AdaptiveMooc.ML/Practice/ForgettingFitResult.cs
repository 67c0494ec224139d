namespace AdaptiveMooc.ML.Practice;

/// <summary>What <see cref="ForgettingFit"/> measured.</summary>
/// <param name="Curve">The fitted curve.</param>
/// <param name="Pairs">(correct answer, next answer on the same skill) pairs fitted on.</param>
/// <param name="LogLoss">Mean log-loss of the curve on the held-out pairs.</param>
/// <param name="ConstantLogLoss">Mean log-loss on the held-out pairs of the fitting pairs' overall rate (no time effect).</param>
/// <param name="HeldOut">Held-out pairs.</param>
/// <param name="Bins">Observed and fitted P(correct) by gap, on all pairs.</param>
public sealed record ForgettingFitResult(
    ForgettingCurve Curve,
    int Pairs,
    double LogLoss,
    double ConstantLogLoss,
    int HeldOut,
    IReadOnlyList<ForgettingBin> Bins);
