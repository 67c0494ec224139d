namespace AdaptiveMooc.ML.Training;

/// <summary>What <c>train --from-db</c> did.</summary>
/// <param name="Snapshots">Risk snapshots (learner × course × two-weekly day).</param>
/// <param name="Dropped">Snapshots labelled dropped out (the dropout model's positives).</param>
/// <param name="AtRisk">Snapshots labelled dropped out or failing (the risk model's positives).</param>
/// <param name="PacingPairs">(learner, graded lesson) pairs the pacing model was offered.</param>
/// <param name="KtAnswers">Graded item answers (<c>answered</c> with a success) knowledge tracing was offered.</param>
/// <param name="KtModelWritten">Whether knowledge tracing was retrained on them (kt-model.zip, kt-priors.json).</param>
/// <param name="KtHoldoutAuc">AUC on the held-out fifth of the learners before the refit on all, when there were enough learners.</param>
/// <param name="DeclaredStudyHours">Enrolments whose learner declared weekly study hours (the rest are undeclared).</param>
public sealed record DatabaseTrainingResult(
    int Statements,
    int Courses,
    int Enrolments,
    int Snapshots,
    int Dropped,
    bool DropoutModelWritten,
    string Note,
    int AtRisk = 0,
    bool RiskModelWritten = false,
    int PacingPairs = 0,
    bool PacingModelWritten = false,
    int DeclaredStudyHours = 0,
    int KtAnswers = 0,
    bool KtModelWritten = false,
    double? KtHoldoutAuc = null);
