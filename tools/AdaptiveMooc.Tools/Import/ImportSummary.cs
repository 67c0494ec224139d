namespace AdaptiveMooc.Tools.Import;

/// <summary>What one import did and measured.</summary>
/// <param name="PostingTime">Time spent posting statements (both phases; setup and waits excluded).</param>
/// <param name="AnalyticsCaughtUp">Whether the learner table reflected every statement before the wait ran out.</param>
/// <param name="AnalyticsCatchUp">From the last statement's answer until the analytics reflected it.</param>
internal sealed record ImportSummary(
    string CourseId,
    int Learners,
    int Statements,
    TimeSpan PostingTime,
    double StatementsPerSecond,
    bool AnalyticsCaughtUp,
    TimeSpan AnalyticsCatchUp,
    TimeSpan Total,
    long Retries,
    ImportSkips Skips,
    RiskValidation? Validation,
    PlatformFigures Platform,
    OuladFigures Files);
