namespace AdaptiveMooc.ML.Training;

/// <summary>Figures of one pacing evaluation (the JSON line of <c>pacing-eval</c>).</summary>
public sealed record PacingEvaluationResult(
    string Train,
    string Test,
    double LateAuc,
    double MaeDays,
    double BaselineLateAuc,
    double BaselineMaeDays,
    int N,
    int Submitted,
    int LateOrMissing,
    int TrainN,
    double Seconds);
