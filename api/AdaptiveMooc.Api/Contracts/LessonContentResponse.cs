namespace AdaptiveMooc.Api.Contracts;

/// <summary>
/// What the lesson page shows: the sanitised HTML of the Markdown body (empty when the lesson has none), the
/// uploaded file with a signed link, or the outside address with its player address when it is a known video host.
/// </summary>
public sealed record LessonContentResponse(
    string CourseId,
    string LessonId,
    int Version,
    string Title,
    string Kind,
    int Minutes,
    string Html,
    MediaLinkResponse? Media,
    string? ExternalUrl,
    string? EmbedUrl);
