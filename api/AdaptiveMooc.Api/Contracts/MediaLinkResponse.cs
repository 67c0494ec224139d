namespace AdaptiveMooc.Api.Contracts;

/// <summary>A signed link to a course's file: <see cref="Path"/> relative to the API, <see cref="Url"/> under <c>Mooc:PublicBaseUrl</c>.</summary>
public sealed record MediaLinkResponse(
    string MediaId,
    string ContentType,
    long Size,
    string Path,
    string Url,
    DateTimeOffset ExpiresAt);
