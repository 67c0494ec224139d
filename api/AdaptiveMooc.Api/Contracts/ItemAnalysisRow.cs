namespace AdaptiveMooc.Api.Contracts;

/// <summary>One item's statistics (docs/ASSESSMENTS.md, "Item analysis"); <c>prompt</c>, <c>kind</c> and <c>skills</c> are null for an item since removed from the bank.</summary>
public sealed record ItemAnalysisRow(
    string ItemId,
    string? Prompt,
    string? Kind,
    IReadOnlyList<string>? Skills,
    int Attempts,
    double ShareCorrect,
    double? Discrimination,
    int Predicted,
    double? ExpectedCorrect,
    double? ObservedCorrect,
    double? ZScore,
    bool OutOfLine,
    string? Reason);
