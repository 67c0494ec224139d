namespace AdaptiveMooc.Api.Contracts;

/// <summary>A course's files with the bytes they take and the course's allowance.</summary>
public sealed record MediaListResponse(IReadOnlyList<MediaResponse> Items, long UsedBytes, long MaxCourseBytes, long MaxFileBytes);
