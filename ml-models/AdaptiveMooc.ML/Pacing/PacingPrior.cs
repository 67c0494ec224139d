namespace AdaptiveMooc.ML.Pacing;

/// <summary>Training statistics of one assessment (or one kind, as fallback).</summary>
/// <param name="MeanLateness">Mean submission day − deadline over submitted training pairs.</param>
/// <param name="LateOrMissingRate">Share of training pairs late or never submitted.</param>
/// <param name="Pairs">Training pairs behind the figures.</param>
public sealed record PacingPrior(double MeanLateness, double LateOrMissingRate, int Pairs);
