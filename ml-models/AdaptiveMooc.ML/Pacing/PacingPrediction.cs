namespace AdaptiveMooc.ML.Pacing;

/// <summary>Probability the assessment is submitted late or not at all, and the expected submission day relative to the deadline.</summary>
public sealed record PacingPrediction(double LateOrMissingProbability, double ExpectedLatenessDays);
