namespace AdaptiveMooc.ML.Training;

/// <summary>One model's outcome in a retraining run.</summary>
/// <param name="Model">Catalog name: knowledge-tracing, ranking, at-risk, withdrawn, pacing.</param>
/// <param name="Metric">Name of the primary metric the decision compares.</param>
/// <param name="Decision"><see cref="Promoted"/>, <see cref="Refused"/> or <see cref="Skipped"/>.</param>
/// <param name="Reason">Why, in words, with the figures compared.</param>
/// <param name="Window">The time split, when the data allowed one.</param>
/// <param name="Candidate">The candidate's figures on the test window, when one was trained.</param>
/// <param name="Incumbent">The serving model's figures on the same window.</param>
/// <param name="CandidateFolder">Where the candidate's files were written, when one was trained.</param>
public sealed record ModelDecision(
    string Model,
    string Metric,
    string Decision,
    string Reason,
    DataWindow? Window,
    ModelFigures? Candidate,
    ModelFigures? Incumbent,
    string? CandidateFolder)
{
    public const string Promoted = "promoted";
    public const string Refused = "refused";
    public const string Skipped = "skipped";
}
