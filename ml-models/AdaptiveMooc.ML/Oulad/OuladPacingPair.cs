namespace AdaptiveMooc.ML.Oulad;

/// <summary>
/// A (registration, dated TMA/CMA) pair of the pacing protocol: learner features at
/// <paramref name="PredictionDay"/> (deadline − 7) and the outcome.
/// </summary>
/// <param name="Position">Position of the assessment among its presentation's assessments of the same type, by deadline (0-based).</param>
/// <param name="SubmittedDay">Day of the (non-banked) submission, null when never submitted.</param>
public sealed record OuladPacingPair(
    OuladPresentation Presentation,
    OuladRegistration Registration,
    OuladAssessment Assessment,
    int Position,
    int PredictionDay,
    float[] LearnerFeatures,
    int? SubmittedDay)
{
    public int Deadline => Assessment.Deadline!.Value;

    /// <summary>Late or missing: the label of <c>lateAuc</c>.</summary>
    public bool LateOrMissing => SubmittedDay is not { } d || d > Deadline;

    public int? Lateness => SubmittedDay - Deadline;
}
