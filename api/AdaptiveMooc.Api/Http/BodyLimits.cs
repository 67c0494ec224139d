using AdaptiveMooc.Api.Media;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace AdaptiveMooc.Api.Http;

/// <summary>
/// Request body limits (documented in docs/ARCHITECTURE.md and docs/SECURITY.md): 1 MiB for xAPI
/// statements, 4 MiB for course definitions (<c>/api/courses</c> and <c>/api/courses/{courseId}</c> only:
/// 2,000 lessons with items fit), 64 KiB for everything else, the forum and webinar routes below a course
/// included. A declared length over the limit answers 413 before reading; a streamed body fails with 413
/// when it crosses it. Course drafts (<c>/api/courses/{courseId}/draft</c>), the body preview and a lesson's body
/// (<c>PUT .../lessons/{lessonId}/content</c>) take the course limit; a media upload (<c>POST /api/courses/{courseId}/media</c>) takes <c>Mooc:Media:MaxFileBytes</c> plus
/// the multipart framing, and only that route.
/// </summary>
internal static class BodyLimits
{
    public const long Xapi = 1024 * 1024;
    public const long Courses = 4 * 1024 * 1024;
    public const long Default = 64 * 1024;

    /// <summary>Multipart framing around an uploaded file (boundaries, part headers) on top of <c>Mooc:Media:MaxFileBytes</c>.</summary>
    public const long MultipartOverhead = 64 * 1024;

    public static long For(PathString path) =>
        path.StartsWithSegments("/xapi", StringComparison.OrdinalIgnoreCase) ? Xapi
        : IsCourseDefinition(path) || IsCourseDraft(path) ? Courses
        : Default;

    // "/api/courses" (create) and "/api/courses/{courseId}" (update): nothing deeper under a course.
    private static bool IsCourseDefinition(PathString path) =>
        path.StartsWithSegments("/api/courses", StringComparison.OrdinalIgnoreCase, out var rest)
        && (!rest.HasValue || rest.Value!.TrimEnd('/').LastIndexOf('/') <= 0);

    // "/api/courses/{courseId}/draft": the next version of a course definition (docs/CONTENT.md).
    // Also "/api/courses/{courseId}/lessons/{lessonId}/content": one lesson's Markdown body (200,000 characters, escaped in JSON).
    private static bool IsCourseDraft(PathString path) => CourseSubPath(path) switch
    {
        "draft" or "content/preview" => true,
        { } sub => sub.Split('/') is ["lessons", _, "content"],
        null => false,
    };

    // "/api/courses/{courseId}/media" (upload): the only route whose limit is the media file limit.
    private static bool IsMediaUpload(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && CourseSubPath(request.Path) == "media";

    private static string? CourseSubPath(PathString path)
    {
        if (!path.StartsWithSegments("/api/courses", StringComparison.OrdinalIgnoreCase, out var rest) || !rest.HasValue)
        {
            return null;
        }

        var parts = rest.Value!.Trim('/').Split('/', 2);
        return parts.Length == 2 ? parts[1].TrimEnd('/').ToLowerInvariant() : null;
    }

    public static IApplicationBuilder UseMoocBodyLimits(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var limit = IsMediaUpload(context.Request)
                ? context.RequestServices.GetRequiredService<IOptions<MediaOptions>>().Value.MaxFileBytes + MultipartOverhead
                : For(context.Request.Path);
            if (context.Request.ContentLength > limit)
            {
                await Problems.PayloadTooLarge($"The body is {context.Request.ContentLength} bytes; this route accepts at most {limit} bytes.")
                    .ExecuteAsync(context);
                return;
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = limit;
            }

            await next(context);
        });
}
