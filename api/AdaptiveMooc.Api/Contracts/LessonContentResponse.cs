namespace AdaptiveMooc.Api.Contracts;

/// <summary>
/// What the lesson page shows: the lesson's Markdown <c>body</c> (<c>format</c> <c>markdown</c>; empty when it has none) and its
/// sanitised HTML, the uploaded file with a signed link, or the outside address with its player address when it is a known video host.
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
    string? EmbedUrl,
    string Format = LessonContentResponse.Markdown,
    string Body = "")
{
    public const string Markdown = "markdown";
}
