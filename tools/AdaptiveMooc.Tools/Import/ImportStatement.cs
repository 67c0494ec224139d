namespace AdaptiveMooc.Tools.Import;

/// <summary>
/// One statement to post: a student's activity on one resource on one day (<see cref="Clicks"/> summed
/// over that day's studentVle rows) or one own submission (<see cref="Score"/> 0-100, null when blank).
/// </summary>
internal readonly record struct ImportStatement(int StudentId, int Day, bool IsSubmission, int TargetId, int Clicks, double? Score);
