namespace AdaptiveMooc.ML.Practice;

/// <summary>Pairs whose gap lies in [FromDays, ToDays): how many, the observed and the fitted rate of correct answers.</summary>
public sealed record ForgettingBin(int FromDays, int ToDays, int Pairs, double Observed, double Fitted);
