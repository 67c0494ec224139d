namespace AdaptiveMooc.ML.Oulad;

/// <summary>A registration still registered at <paramref name="Cutoff"/>, with its risk features at that day.</summary>
public sealed record OuladRiskSample(OuladPresentation Presentation, OuladRegistration Registration, int Cutoff, float[] Features);
