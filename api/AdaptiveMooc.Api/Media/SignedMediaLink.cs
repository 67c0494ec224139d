namespace AdaptiveMooc.Api.Media;

/// <summary>A signed address (path and query, relative to the API) and when it stops working.</summary>
public sealed record SignedMediaLink(string Path, DateTimeOffset ExpiresAt);
