namespace AdaptiveMooc.ML.Pacing;

/// <summary>
/// The assessment a pacing prediction is about.
/// </summary>
/// <param name="Family">What identifies "the same assessment" across runs of a course: the OULAD module code, or the platform course id.</param>
/// <param name="Kind">Assessment type (TMA, CMA; assignment, quiz).</param>
/// <param name="Position">Position among the course's assessments of the same kind, ordered by deadline (0-based).</param>
/// <param name="DueDay">Deadline, in days from the course start.</param>
/// <param name="Weight">Weight in the final mark.</param>
public sealed record PacingContext(string Family, string Kind, int Position, int DueDay, double Weight)
{
    public string PriorKey => $"{Family}|{Kind}|{Position}";
}
