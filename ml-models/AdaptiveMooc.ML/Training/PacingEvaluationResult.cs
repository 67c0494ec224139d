namespace AdaptiveMooc.ML.Training;

/// <summary>
/// Figures of one pacing evaluation (the JSON line of <c>pacing-eval</c>). <see cref="LateAuc"/> pools
/// every pair; in OULAD it is carried in part by assessments whose submissions are all dated after the
/// deadline (<see cref="AllLateInTraining"/>), which the per-assessment prior alone separates. The
/// figures to read: <see cref="TmaLateAuc"/> (tutor-marked assessments only) and
/// <see cref="MeanPerAssessmentLateAuc"/> (the ranking of learners within one assessment).
/// </summary>
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
    double Seconds)
{
    /// <summary>Late-or-missing AUC over the tutor-marked (TMA) pairs only.</summary>
    public double TmaLateAuc { get; init; }

    public double BaselineTmaLateAuc { get; init; }

    public int TmaN { get; init; }

    /// <summary>Mean of the per-assessment late-or-missing AUCs (assessments with both classes).</summary>
    public double MeanPerAssessmentLateAuc { get; init; }

    public double BaselineMeanPerAssessmentLateAuc { get; init; }

    public int AssessmentsScored { get; init; }

    /// <summary>Test assessments left out of the mean because all their pairs have the same label.</summary>
    public int AssessmentsWithOneClass { get; init; }

    /// <summary>Training assessments every one of whose submissions is late (flagged: a data artefact, not behaviour).</summary>
    public IReadOnlyList<string> AllLateInTraining { get; init; } = [];

    /// <summary>Late-or-missing AUC over the test pairs whose assessment is not flagged in training (same module, type and position).</summary>
    public double UnflaggedLateAuc { get; init; }

    public double BaselineUnflaggedLateAuc { get; init; }

    public int UnflaggedN { get; init; }

    /// <summary>The public contract's name for <see cref="TmaLateAuc"/> (docs/API.md, "ML command line").</summary>
    public double LateAucTma => TmaLateAuc;

    /// <summary>The public contract's name for <see cref="MeanPerAssessmentLateAuc"/> (docs/API.md, "ML command line").</summary>
    public double MeanAssessmentAuc => MeanPerAssessmentLateAuc;
}
