namespace AdaptiveMooc.Api.Endpoints;

/// <summary>The answer to a rebuild request: which course, and how many shards are rebuilding.</summary>
public sealed record AnalyticsRebuildAccepted(string CourseId, int Shards);
