namespace AdaptiveMooc.ML.Pacing;

/// <summary>
/// One training or evaluation pair: learner features (<see cref="Risk.RiskFeatures"/>) at the
/// prediction day, the assessment, and the outcome.
/// </summary>
/// <param name="LearnerFeatures">The full learner vector at the prediction day.</param>
/// <param name="Lateness">Submission day − deadline; null when never submitted.</param>
public sealed record PacingExample(float[] LearnerFeatures, PacingContext Context, int? Lateness)
{
    public bool LateOrMissing => Lateness is not { } l || l > 0;
}
