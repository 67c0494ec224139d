namespace AdaptiveMooc.Web.Api;

/// <summary>A lesson's content as the API answers it: sanitised HTML, a signed media link, an outside address (docs/CONTENT.md).</summary>
public sealed record LessonContent(
    string CourseId, string LessonId, int Version, string Title, string Kind, int Minutes, string Html,
    MediaLink? Media, string? ExternalUrl, string? EmbedUrl);

public sealed record MediaLink(string MediaId, string ContentType, long Size, string Path, string Url, DateTimeOffset ExpiresAt);

public sealed record MediaFile(string Id, string ContentType, long Size, string FileName, string UploadedBy, DateTimeOffset UploadedAt);

public sealed record MediaList(IReadOnlyList<MediaFile> Items, long UsedBytes, long MaxCourseBytes, long MaxFileBytes);

public sealed record PreviewAnswer(string Html);
