using Microsoft.AspNetCore.Http.Features;

namespace AdaptiveMooc.Api.Http;

/// <summary>
/// Request body limits (documented in docs/ARCHITECTURE.md and docs/SECURITY.md): 1 MiB for xAPI
/// statements, 4 MiB for course definitions (<c>/api/courses</c> and <c>/api/courses/{courseId}</c> only:
/// 2,000 lessons with items fit), 64 KiB for everything else, the forum and webinar routes below a course
/// included. A declared length over the limit answers 413 before reading; a streamed body fails with 413
/// when it crosses it.
/// </summary>
internal static class BodyLimits
{
    public const long Xapi = 1024 * 1024;
    public const long Courses = 4 * 1024 * 1024;
    public const long Default = 64 * 1024;

    public static long For(PathString path) =>
        path.StartsWithSegments("/xapi", StringComparison.OrdinalIgnoreCase) ? Xapi
        : IsCourseDefinition(path) ? Courses
        : Default;

    // "/api/courses" (create) and "/api/courses/{courseId}" (update): nothing deeper under a course.
    private static bool IsCourseDefinition(PathString path) =>
        path.StartsWithSegments("/api/courses", StringComparison.OrdinalIgnoreCase, out var rest)
        && (!rest.HasValue || rest.Value!.TrimEnd('/').LastIndexOf('/') <= 0);

    public static IApplicationBuilder UseMoocBodyLimits(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var limit = For(context.Request.Path);
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
