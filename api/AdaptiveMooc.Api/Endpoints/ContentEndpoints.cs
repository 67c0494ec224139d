using AdaptiveMooc.Api.Content;
using AdaptiveMooc.Api.Contracts;
using AdaptiveMooc.Api.Http;
using AdaptiveMooc.Api.Media;
using AdaptiveMooc.Api.Security;
using AdaptiveMooc.Api.Xapi;
using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Courses;
using AdaptiveMooc.Grains.Abstractions.Media;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace AdaptiveMooc.Api.Endpoints;

/// <summary>
/// Lesson content, media and course versions (docs/CONTENT.md): the sanitised body of a lesson, uploads of a
/// course's files, signed links that serve them with range requests, and the draft → publish cycle.
/// </summary>
public static class ContentEndpoints
{
    private const int MaxFileNameLength = 200;

    public static IEndpointRouteBuilder MapContentEndpoints(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var course = routes.MapGroup("/api/courses/{courseId}").WithTags("Content");
        course.MapGet("/lessons/{lessonId}/content", GetLessonContent).WithName("GetLessonContent")
            .WithSummary("A lesson's content as a learner sees it: its Markdown body (format, body), the sanitised HTML, a signed media link or an outside address.");
        course.MapPut("/lessons/{lessonId}/content", PutLessonContent).WithName("PutLessonContent")
            .WithSummary("Sets a lesson's Markdown body (trainers of the course, admins); on a published course the edit is published at once as the next version, and a waiting draft gets it too.");
        course.MapPost("/content/preview", Preview).WithName("PreviewLessonBody")
            .WithSummary("Renders Markdown as a lesson body would be shown (trainers' editor preview).");
        course.MapGet("/draft", GetDraft).WithName("GetCourseDraft")
            .WithSummary("The version being edited: the draft, or the published definition when no draft waits.");
        course.MapPut("/draft", SaveDraft).WithName("SaveCourseDraft")
            .WithSummary("Saves the next version as a draft; learners keep the published version until POST .../publish.");
        course.MapDelete("/draft", DiscardDraft).WithName("DiscardCourseDraft")
            .WithSummary("Drops the draft.");
        course.MapGet("/versions/{version:int}", GetVersion).WithName("GetCourseVersion")
            .WithSummary("One published, immutable version of the course.");
        course.MapPost("/media", Upload).WithName("UploadMedia")
            .WithSummary("Uploads a file (multipart/form-data, field 'file'); its type is read from its bytes.");
        course.MapGet("/media", ListMedia).WithName("ListMedia")
            .WithSummary("The course's files and the bytes they take.");
        course.MapGet("/media/{mediaId}", GetMedia).WithName("GetMedia")
            .WithSummary("One file of the course.");
        course.MapGet("/media/{mediaId}/link", GetMediaLink).WithName("GetMediaLink")
            .WithSummary("A short-lived signed link to a file, for <video>, <audio> or a PDF viewer.");
        routes.MapGet("/api/media/{courseId}/{mediaId}", Serve).WithTags("Content").WithName("ServeMedia").AllowAnonymous()
            .WithSummary("Serves a file through a signed link (u, e, s), with range requests and caching headers.");
        return routes;
    }

    private static async Task<Results<Ok<LessonContentResponse>, ProblemHttpResult>> GetLessonContent(
        string courseId, string lessonId, HttpContext context, IClusterClient cluster, CourseAccess access, MediaLinks links,
        IOptions<XapiOptions> xapi)
    {
        var caller = context.Caller();
        if (await Denied(access, caller, courseId, CoursePermission.ViewContent) is { } denied)
        {
            return denied;
        }

        var snapshot = (await cluster.ByKey<ICourseGrain>(courseId).Get())!;
        var lesson = snapshot.Definition.AllLessons().FirstOrDefault(l => l.Id == lessonId);
        if (lesson is null)
        {
            return Problems.NotFound($"Course '{courseId}' has no lesson '{lessonId}'.");
        }

        MediaLinkResponse? media = null;
        if (lesson.MediaId is { } mediaId && await cluster.ByKey<ICourseMediaGrain>(courseId).Get(mediaId) is { } file)
        {
            media = Link(links.Create(courseId, mediaId, caller), file, xapi.Value);
        }

        return TypedResults.Ok(new LessonContentResponse(
            courseId, lesson.Id, snapshot.PublishedVersion, lesson.Title, lesson.Kind, lesson.Minutes, LessonHtml.Render(lesson.Body),
            media, lesson.ContentUrl, VideoEmbed.From(lesson.ContentUrl), Body: lesson.Body ?? string.Empty));
    }

    private static async Task<Results<Ok<LessonContentResponse>, ProblemHttpResult>> PutLessonContent(
        string courseId, string lessonId, LessonContentBody body, HttpContext context, IClusterClient cluster, CourseAccess access, MediaLinks links,
        IOptions<XapiOptions> xapi)
    {
        if (await Denied(access, context.Caller(), courseId, CoursePermission.Manage) is { } denied)
        {
            return denied;
        }

        if (!string.Equals(body.Format ?? LessonContentResponse.Markdown, LessonContentResponse.Markdown, StringComparison.Ordinal))
        {
            return Problems.BadRequest("format must be 'markdown'.", "format");
        }

        if (body.Body is null)
        {
            return Problems.BadRequest("body (Markdown; empty to remove it) is required.", "body");
        }

        if (body.Body.Length > CourseValidator.MaxBodyLength)
        {
            return Problems.BadRequest($"body holds at most {CourseValidator.MaxBodyLength} characters.", "body");
        }

        if (!Ids.IsValid(lessonId))
        {
            return Problems.NotFound($"Course '{courseId}' has no lesson '{lessonId}'.");
        }

        var result = await cluster.ByKey<ICourseGrain>(courseId).SetLessonBody(lessonId, body.Body);
        if (!result.Succeeded)
        {
            return Problems.From(result);
        }

        await context.AuditAsync("course.lesson.content", $"course:{courseId}", $"lesson={lessonId} chars={body.Body.Length}");
        var shown = await GetLessonContent(courseId, lessonId, context, cluster, access, links, xapi);
        if (shown.Result is Ok<LessonContentResponse> ok)
        {
            return ok;
        }

        // The lesson exists only in the draft: learners do not see it before the draft is published; answer what was saved.
        var grain = cluster.ByKey<ICourseGrain>(courseId);
        var drafted = (await grain.GetDraft())!.AllLessons().First(l => l.Id == lessonId);
        var next = (await grain.Get())!.PublishedVersion + 1;
        return TypedResults.Ok(new LessonContentResponse(
            courseId, lessonId, next, drafted.Title, drafted.Kind, drafted.Minutes, LessonHtml.Render(drafted.Body), null, drafted.ContentUrl,
            VideoEmbed.From(drafted.ContentUrl), Body: drafted.Body ?? string.Empty));
    }

    private static async Task<Results<Ok<PreviewResponse>, ProblemHttpResult>> Preview(
        string courseId, PreviewBody body, HttpContext context, CourseAccess access)
    {
        if (await Denied(access, context.Caller(), courseId, CoursePermission.Manage) is { } denied)
        {
            return denied;
        }

        if (body.Markdown is null)
        {
            return Problems.BadRequest("markdown is required.", "markdown");
        }

        if (body.Markdown.Length > CourseValidator.MaxBodyLength)
        {
            return Problems.BadRequest($"markdown holds at most {CourseValidator.MaxBodyLength} characters.", "markdown");
        }

        return TypedResults.Ok(new PreviewResponse(LessonHtml.Render(body.Markdown)));
    }

    private static async Task<Results<Ok<CourseDraftResponse>, ProblemHttpResult>> GetDraft(
        string courseId, HttpContext context, IClusterClient cluster, CourseAccess access)
    {
        if (await Denied(access, context.Caller(), courseId, CoursePermission.Manage) is { } denied)
        {
            return denied;
        }

        return TypedResults.Ok(await DraftOf(cluster.ByKey<ICourseGrain>(courseId), courseId));
    }

    private static async Task<Results<Ok<CourseDraftResponse>, ProblemHttpResult>> SaveDraft(
        string courseId, CourseBody body, HttpContext context, IClusterClient cluster, CourseAccess access)
    {
        if (await Denied(access, context.Caller(), courseId, CoursePermission.Manage) is { } denied)
        {
            return denied;
        }

        if (body.Id is { } id && id != courseId)
        {
            return Problems.BadRequest($"The body's id '{id}' differs from the route's '{courseId}'.", "id");
        }

        var definition = body.ToDefinition(courseId);
        if (CourseValidator.Validate(definition) is { } problem)
        {
            return Problems.From(problem);
        }

        if (await MissingMedia(cluster, definition, context.RequestServices.GetRequiredService<IMediaStore>()) is { } missing)
        {
            return missing;
        }

        var grain = cluster.ByKey<ICourseGrain>(courseId);
        var result = await grain.SaveDraft(definition);
        if (!result.Succeeded)
        {
            return Problems.From(result);
        }

        await context.AuditAsync("course.draft.save", $"course:{courseId}");
        return TypedResults.Ok(await DraftOf(grain, courseId));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DiscardDraft(
        string courseId, HttpContext context, IClusterClient cluster, CourseAccess access)
    {
        if (await Denied(access, context.Caller(), courseId, CoursePermission.Manage) is { } denied)
        {
            return denied;
        }

        var result = await cluster.ByKey<ICourseGrain>(courseId).DiscardDraft();
        if (!result.Succeeded)
        {
            return Problems.From(result);
        }

        await context.AuditAsync("course.draft.discard", $"course:{courseId}");
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<CourseVersionResponse>, ProblemHttpResult>> GetVersion(
        string courseId, int version, HttpContext context, IClusterClient cluster, CourseAccess access)
    {
        if (await Denied(access, context.Caller(), courseId, CoursePermission.Manage) is { } denied)
        {
            return denied;
        }

        var snapshot = (await cluster.ByKey<ICourseGrain>(courseId).Get())!;
        if (snapshot.Published && version == snapshot.PublishedVersion)
        {
            return TypedResults.Ok(new CourseVersionResponse(courseId, version, snapshot.PublishedAt!.Value, true, snapshot.Definition));
        }

        var kept = version is >= 1 && version < snapshot.PublishedVersion
            ? await cluster.ByKey<ICourseVersionGrain>(ICourseVersionGrain.Key(courseId, version)).Get()
            : null;
        return kept is null
            ? Problems.NotFound($"Course '{courseId}' has no published version {version} (the current one is {snapshot.PublishedVersion}).")
            : TypedResults.Ok(new CourseVersionResponse(courseId, kept.Version, kept.PublishedAt, false, kept.Definition));
    }

    private static async Task<Results<Created<MediaResponse>, Ok<MediaResponse>, ProblemHttpResult>> Upload(
        string courseId, HttpContext context, IClusterClient cluster, CourseAccess access, IMediaStore store,
        IOptions<MediaOptions> options, TimeProvider clock)
    {
        var caller = context.Caller();
        if (await Denied(access, caller, courseId, CoursePermission.Manage) is { } denied)
        {
            return denied;
        }

        var limits = options.Value;
        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            return Problems.BadRequest("Send the file as multipart/form-data in a field named 'file'.", "file");
        }

        var reader = new MultipartReader(boundary, context.Request.Body)
        {
            HeadersLengthLimit = 16 * 1024,
            BodyLengthLimit = limits.MaxFileBytes + 1,
        };
        StoredMedia? stored = null;
        string? fileName = null;
        try
        {
            for (var section = await reader.ReadNextSectionAsync(context.RequestAborted);
                 section is not null;
                 section = await reader.ReadNextSectionAsync(context.RequestAborted))
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.IsFileDisposition()
                    || !string.Equals(HeaderUtilities.RemoveQuotes(disposition.Name).Value, "file", StringComparison.Ordinal))
                {
                    continue;
                }

                if (stored is not null)
                {
                    return Problems.BadRequest("Send one file per request.", "file");
                }

                fileName = CleanFileName(disposition.FileNameStar.Value ?? HeaderUtilities.RemoveQuotes(disposition.FileName).Value);
                stored = await store.SaveAsync(section.Body, limits.MaxFileBytes, context.RequestAborted);
            }
        }
        catch (MediaRejectedException rejected)
        {
            return rejected.TooLarge ? Problems.PayloadTooLarge(rejected.Message) : Problems.BadRequest(rejected.Message, "file");
        }
        catch (InvalidDataException invalid)
        {
            // The multipart reader's own limits (a section over BodyLengthLimit, headers over HeadersLengthLimit).
            return invalid.Message.Contains("length limit", StringComparison.OrdinalIgnoreCase)
                ? Problems.PayloadTooLarge($"The file is larger than the {limits.MaxFileBytes} bytes a file may have.")
                : Problems.BadRequest($"The multipart body is malformed: {invalid.Message}", "file");
        }

        if (stored is null)
        {
            return Problems.BadRequest("The body holds no file field named 'file'.", "file");
        }

        var file = new MediaFile(stored.Id, stored.ContentType, stored.Size, fileName ?? stored.Id, caller.Id, clock.GetUtcNow());
        var registration = await cluster.ByKey<ICourseMediaGrain>(courseId)
            .Register(file, new MediaLimits(limits.MaxCourseBytes, limits.MaxCourseFiles));
        if (registration == MediaRegistration.OverCourseLimit)
        {
            if (stored.Created)
            {
                store.Delete(stored.Id);
            }

            return Problems.QuotaExceeded(
                $"Course '{courseId}' may hold at most {limits.MaxCourseBytes} bytes in {limits.MaxCourseFiles} files; this file does not fit.", "file");
        }

        if (registration == MediaRegistration.AlreadyPresent)
        {
            return TypedResults.Ok(MediaResponse.From((await cluster.ByKey<ICourseMediaGrain>(courseId).Get(stored.Id))!));
        }

        await context.AuditAsync("course.media.upload", $"course:{courseId}", $"media={stored.Id} type={stored.ContentType} bytes={stored.Size}");
        return TypedResults.Created($"/api/courses/{courseId}/media/{stored.Id}", MediaResponse.From(file));
    }

    private static async Task<Results<Ok<MediaListResponse>, ProblemHttpResult>> ListMedia(
        string courseId, HttpContext context, IClusterClient cluster, CourseAccess access, IOptions<MediaOptions> options)
    {
        if (await Denied(access, context.Caller(), courseId, CoursePermission.Manage) is { } denied)
        {
            return denied;
        }

        var grain = cluster.ByKey<ICourseMediaGrain>(courseId);
        var files = await grain.List();
        return TypedResults.Ok(new MediaListResponse(
            [.. files.Select(MediaResponse.From)], await grain.UsedBytes(), options.Value.MaxCourseBytes, options.Value.MaxFileBytes));
    }

    private static async Task<Results<Ok<MediaResponse>, ProblemHttpResult>> GetMedia(
        string courseId, string mediaId, HttpContext context, IClusterClient cluster, CourseAccess access)
    {
        if (await Denied(access, context.Caller(), courseId, CoursePermission.Manage) is { } denied)
        {
            return denied;
        }

        return await cluster.ByKey<ICourseMediaGrain>(courseId).Get(mediaId) is { } file
            ? TypedResults.Ok(MediaResponse.From(file))
            : Problems.NotFound($"Course '{courseId}' has no file '{mediaId}'.");
    }

    private static async Task<Results<Ok<MediaLinkResponse>, ProblemHttpResult>> GetMediaLink(
        string courseId, string mediaId, HttpContext context, IClusterClient cluster, CourseAccess access, MediaLinks links,
        IOptions<XapiOptions> xapi)
    {
        var caller = context.Caller();
        if (await Denied(access, caller, courseId, CoursePermission.ViewContent) is { } denied)
        {
            return denied;
        }

        return await cluster.ByKey<ICourseMediaGrain>(courseId).Get(mediaId) is { } file
            ? TypedResults.Ok(Link(links.Create(courseId, mediaId, caller), file, xapi.Value))
            : Problems.NotFound($"Course '{courseId}' has no file '{mediaId}'.");
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Serve(
        string courseId, string mediaId, string? u, string? e, string? s, HttpContext context, IClusterClient cluster,
        MediaLinks links, IMediaStore store, TimeProvider clock)
    {
        if (!Ids.IsValid(courseId) || !MediaIds.IsValid(mediaId))
        {
            return Problems.NotFound("No such file.");
        }

        if (links.Check(courseId, mediaId, u, e, s) is { } refusal)
        {
            return Problems.Forbidden(refusal);
        }

        var file = await cluster.ByKey<ICourseMediaGrain>(courseId).Get(mediaId);
        var stream = file is null ? null : store.OpenRead(mediaId);
        if (file is null || stream is null)
        {
            return Problems.NotFound($"Course '{courseId}' has no file '{mediaId}'.");
        }

        // The bytes under an id never change, so a browser may keep them while the link lives; the link's
        // caller makes the response private to them.
        var remaining = long.Parse(e!, System.Globalization.CultureInfo.InvariantCulture) - clock.GetUtcNow().ToUnixTimeSeconds();
        var headers = context.Response.Headers;
        headers.CacheControl = $"private, max-age={Math.Max(0, remaining)}, immutable";
        headers.Remove(HeaderNames.XFrameOptions);
        // Framing is allowed (a PDF viewer in the lesson page); nothing served here is HTML or script.
        headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors *";
        headers.ContentDisposition = "inline";
        return TypedResults.File(
            stream, file.ContentType, fileDownloadName: null, lastModified: file.UploadedAt,
            entityTag: new EntityTagHeaderValue($"\"{mediaId}\""), enableRangeProcessing: true);
    }

    /// <summary>
    /// 400 naming the lesson's <c>mediaId</c> when a lesson names a file the course does not hold, or when a cmi5
    /// lesson's file is no cmi5 package within the limits (docs/XAPI.md, "cmi5": entries, size, plain relative names).
    /// </summary>
    internal static async Task<ProblemHttpResult?> MissingMedia(IClusterClient cluster, CourseDefinition definition, IMediaStore store)
    {
        var modules = definition.Modules ?? [];
        var media = cluster.ByKey<ICourseMediaGrain>(definition.Id);
        for (var m = 0; m < modules.Count; m++)
        {
            var lessons = modules[m].Lessons ?? [];
            for (var l = 0; l < lessons.Count; l++)
            {
                if (lessons[l].MediaId is { } mediaId && await media.Get(mediaId) is null)
                {
                    var field = $"modules[{m}].lessons[{l}].mediaId";
                    return Problems.BadRequest($"{field}: '{mediaId}' is not a file uploaded to course '{definition.Id}'.", field);
                }

                if (lessons[l] is { Kind: LessonKinds.Cmi5, MediaId: { } packageId } && Cmi5Problem(store, packageId) is { } cmi5Problem)
                {
                    var field = $"modules[{m}].lessons[{l}].mediaId";
                    return Problems.BadRequest($"{field}: {cmi5Problem}", field);
                }
            }
        }

        return null;
    }

    private static string? Cmi5Problem(IMediaStore store, string mediaId)
    {
        using var zip = store.OpenRead(mediaId);
        if (zip is null)
        {
            return $"the package '{mediaId}' is missing from the media store.";
        }

        try
        {
            Xapi.Cmi5.Cmi5Package.FromZip(zip);
            return null;
        }
        catch (Xapi.Cmi5.Cmi5PackageException e)
        {
            return e.Message;
        }
    }

    private static async Task<CourseDraftResponse> DraftOf(ICourseGrain grain, string courseId)
    {
        var snapshot = (await grain.Get())!;
        var draft = (await grain.GetDraft())!;
        var next = snapshot.Published ? snapshot.PublishedVersion + 1 : 1;
        return new CourseDraftResponse(courseId, next, snapshot.PublishedVersion, snapshot.HasDraft, draft);
    }

    private static MediaLinkResponse Link(SignedMediaLink link, MediaFile file, XapiOptions xapi) =>
        new(file.Id, file.ContentType, file.Size, link.Path, xapi.Base + link.Path, link.ExpiresAt);

    private static async Task<ProblemHttpResult?> Denied(CourseAccess access, Caller caller, string courseId, CoursePermission permission)
    {
        if (!Ids.IsValid(courseId))
        {
            return Problems.NotFound($"Course '{courseId}' does not exist.");
        }

        return await access.CheckAsync(caller, courseId, permission) switch
        {
            CourseAccessDecision.Allowed => null,
            CourseAccessDecision.NotFound => Problems.NotFound($"Course '{courseId}' does not exist."),
            _ => Problems.Forbidden(permission == CoursePermission.ViewContent
                ? $"Only learners enrolled in course '{courseId}', its trainers and admins see its content."
                : $"Only admins and the trainers of '{courseId}' do this."),
        };
    }

    private static string? CleanFileName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var clean = new string([.. Path.GetFileName(name.Replace('\\', '/')).Where(c => !char.IsControl(c))]).Trim();
        return clean.Length == 0 ? null : clean[..Math.Min(clean.Length, MaxFileNameLength)];
    }
}
