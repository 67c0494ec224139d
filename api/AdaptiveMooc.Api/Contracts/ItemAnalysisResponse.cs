namespace AdaptiveMooc.Api.Contracts;

/// <summary><c>GET /api/courses/{courseId}/item-analysis</c>: one row per bank item answered in a submitted attempt, or still in the bank.</summary>
public sealed record ItemAnalysisResponse(string CourseId, int MinPredicted, double ZThreshold, IReadOnlyList<ItemAnalysisRow> Items);
