namespace AdaptiveMooc.ML.Oulad;

/// <summary>A row of studentAssessment.csv.</summary>
/// <param name="Score">0-100, null when blank.</param>
/// <param name="IsBanked">Result carried over from an earlier presentation: not evidence about this one.</param>
public sealed record OuladSubmission(int AssessmentId, int StudentId, int DaySubmitted, bool IsBanked, double? Score);
