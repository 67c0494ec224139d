using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using AdaptiveMooc.Api.Contracts;
using AdaptiveMooc.Api.Http;
using AdaptiveMooc.Api.Media;
using AdaptiveMooc.Api.Security;
using AdaptiveMooc.Api.Xapi;
using AdaptiveMooc.Api.Xapi.Cmi5;
using AdaptiveMooc.Api.Xapi.Documents;
using AdaptiveMooc.Grains.Abstractions.Cmi5;
using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Courses;
using AdaptiveMooc.Grains.Abstractions.Media;
using AdaptiveMooc.Grains.Abstractions.Xapi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace AdaptiveMooc.Api.Endpoints;

/// <summary>
/// cmi5 lessons (docs/XAPI.md, "cmi5"): the launch of an AU, the one-time fetch of its auth-token, waivers and
/// status. The AU's own statements and State documents go to <c>/xapi</c> with the token, where
/// <see cref="Cmi5StatementFilter"/> checks them against the session.
/// </summary>
public static class Cmi5Endpoints
{
    private const string Lesson = "/api/learners/{learnerId}/courses/{courseId}/lessons/{lessonId}";

    public static IServiceCollection AddCmi5(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<Cmi5Lms>();
        services.AddSingleton<Cmi5ContentPolicy>();
        services.AddSingleton<Cmi5RemotePackages>();
        return services;
    }

    public static IEndpointRouteBuilder MapCmi5Endpoints(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapPost(Lesson + "/cmi5-launch", Launch).WithTags("cmi5").WithName("LaunchCmi5")
            .WithSummary("Launches an AU of a cmi5 lesson: writes LMS.LaunchData, records launched, answers the cmi5 launch URL.");
        routes.MapPost(Lesson + "/cmi5-waiver", Waive).WithTags("cmi5").WithName("WaiveCmi5")
            .WithSummary("Waives an AU of a learner's cmi5 lesson (trainers of the course, admins).");
        routes.MapGet(Lesson + "/cmi5", Status).WithTags("cmi5").WithName("GetCmi5Status")
            .WithSummary("Where each AU of a learner's cmi5 lesson stands.");
        routes.MapPost("/api/cmi5/fetch", Fetch).AllowAnonymous().WithTags("cmi5").WithName("FetchCmi5Token")
            .WithSummary("The cmi5 fetch URL: the AU's auth-token, once (cmi5 8.2).");
        routes.MapGet("/api/cmi5-content/{courseId}/{mediaId}/{token}/{**path}", Content).AllowAnonymous().WithTags("cmi5").WithName("GetCmi5Content")
            .WithSummary("A file inside a cmi5 lesson's package, through the signed base path a launch hands out (the token in the path is the credential).");
        return routes;
    }

    private static async Task<Results<Ok<Cmi5LaunchResponse>, ProblemHttpResult>> Launch(
        string learnerId, string courseId, string lessonId, Cmi5LaunchBody? body, HttpContext context, IClusterClient cluster,
        CourseAccess access, IMediaStore store, Cmi5Lms lms, MediaLinks links, Cmi5RemotePackages remote)
    {
        var caller = context.Caller();
        if (!(caller.IsLearnerSelf(learnerId) || caller.IsAdmin))
        {
            return caller.IsLearner ? Problems.NotFound($"Learner '{learnerId}' does not exist.") : Problems.Forbidden("A learner launches their own lessons.");
        }

        if (body?.ReturnUrl is { } returnUrl && (returnUrl.Length > 2048 || !Uri.TryCreate(returnUrl, UriKind.Absolute, out _)))
        {
            return Problems.BadRequest("returnUrl must be an absolute URL of at most 2048 characters.", "returnUrl");
        }

        var (package, lesson, problem) = await PackageAsync(courseId, lessonId, caller, cluster, access, store, remote, context.RequestAborted);
        if (problem is not null)
        {
            return problem;
        }

        var index = body?.AuId is { } auId ? package!.Aus.ToList().FindIndex(a => a.Id == auId) : 0;
        if (index < 0)
        {
            return Problems.BadRequest($"auId '{body!.AuId}' is not an AU of the lesson's cmi5.xml.", "auId");
        }

        var au = package!.Aus[index];
        if (AuAddress(au, package, lms.Base, () => links.CreatePackageBase(courseId, lesson!.MediaId!)) is not { } auAddress)
        {
            return Problems.Conflict($"AU {au.Id}: its url '{au.Url}' is neither an absolute http(s) URL nor a file of the package (a relative path inside it).", "auId");
        }

        var unit = new Cmi5Unit(learnerId, courseId, lesson!.Id, au.Id, lms.ActivityId(courseId, lessonId, index),
            Cmi5Lms.Registration(learnerId, courseId, lessonId), au.MoveOn, au.MasteryScore);
        var key = Cmi5Keys.Unit(learnerId, courseId, lessonId, index);
        var fetchSecret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var grain = cluster.ByKey<ICmi5RegistrationGrain>(key);
        var ticket = await grain.Launch(unit, Cmi5Hash.Of(fetchSecret));

        // LMS.LaunchData before the launch (cmi5 10.0), in the State API under the AU's activity id, agent and registration.
        var actor = lms.Actor(learnerId);
        var agentKey = XapiAgent.Parse(actor.ToJsonString(), "actor", lms.Base).Key;
        var launchData = new JsonObject
        {
            ["contextTemplate"] = new JsonObject
            {
                ["contextActivities"] = new JsonObject { ["grouping"] = new JsonArray(new JsonObject { ["id"] = au.Id }) },
                ["extensions"] = new JsonObject { [Cmi5Verbs.SessionIdExtension] = ticket.SessionId.ToString("D") },
            },
            ["launchMode"] = "Normal",
            ["moveOn"] = au.MoveOn,
        };
        if (au.MasteryScore is { } mastery)
        {
            launchData["masteryScore"] = mastery;
        }

        if (body?.ReturnUrl is { } back)
        {
            launchData["returnURL"] = back;
        }

        if (au.LaunchParameters is { } parameters)
        {
            launchData["launchParameters"] = parameters;
        }

        var written = await cluster.ByKey<IXapiDocumentGrain>(XapiDocumentScope.State(unit.ActivityId, agentKey, unit.Registration).Key)
            .Write(new XapiDocumentWrite("LMS.LaunchData", JsonSerializer.SerializeToUtf8Bytes(launchData), "application/json", false, XapiPreconditions.None));
        if (written != XapiDocumentOutcome.Done)
        {
            return Problems.Conflict($"LMS.LaunchData could not be written ({written}).", "auId");
        }

        var statements = new List<JsonObject>();
        if (ticket.AbandonedSessionId is { } abandoned)
        {
            var duration = System.Xml.XmlConvert.ToString(DateTimeOffset.UtcNow - (ticket.AbandonedSessionStarted ?? DateTimeOffset.UtcNow));
            statements.Add(lms.Statement(unit, Cmi5Verbs.Abandoned, "abandoned", abandoned, result: new JsonObject { ["duration"] = duration }));
        }

        var extensions = new JsonObject
        {
            [Cmi5Verbs.LaunchModeExtension] = "Normal",
            [Cmi5Verbs.LaunchUrlExtension] = au.Url,
            [Cmi5Verbs.MoveOnExtension] = au.MoveOn,
        };
        statements.Add(lms.Statement(unit, Cmi5Verbs.Launched, "launched", ticket.SessionId, extensions: extensions));
        await lms.RecordAsync(statements, context.RequestAborted);
        if (au.MoveOn == "NotApplicable")
        {
            await lms.LessonSatisfiedIfAllAsync(unit, package.Aus.Count, ticket.SessionId, package.CourseId, context.RequestAborted);
        }

        var fetch = $"{lms.Base}/api/cmi5/fetch?unit={Uri.EscapeDataString(key)}&session={ticket.SessionId:D}&k={fetchSecret}";
        var query = string.Join('&',
            "endpoint=" + Uri.EscapeDataString(lms.Base + "/xapi/"),
            "fetch=" + Uri.EscapeDataString(fetch),
            "actor=" + Uri.EscapeDataString(actor.ToJsonString()),
            "registration=" + unit.Registration.ToString("D"),
            "activityId=" + Uri.EscapeDataString(unit.ActivityId));
        var fragment = auAddress.IndexOf('#', StringComparison.Ordinal) is var hash and >= 0 ? auAddress[hash..] : string.Empty;
        var address = auAddress[..(auAddress.Length - fragment.Length)];
        var url = address + (address.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query + fragment;
        return TypedResults.Ok(new Cmi5LaunchResponse(url, au.Id, unit.ActivityId, unit.Registration, ticket.SessionId, au.LaunchMethod, au.MoveOn, au.MasteryScore));
    }

    /// <summary>
    /// Where the AU is launched: its absolute http(s) url as it is, or a relative url resolved against the signed base
    /// path of the package's files (when it stays under it and names a file of the package); null otherwise.
    /// </summary>
    private static string? AuAddress(Cmi5Au au, Cmi5Package package, string apiBase, Func<string> packageBase)
    {
        if (Uri.TryCreate(au.Url, UriKind.Absolute, out var absolute))
        {
            return absolute.Scheme == Uri.UriSchemeHttps || absolute.Scheme == Uri.UriSchemeHttp ? au.Url : null;
        }

        if (package.BaseUrl is { } outside)
        {
            return Uri.TryCreate(outside, au.Url, out var hosted) && (hosted.Scheme == Uri.UriSchemeHttps || hosted.Scheme == Uri.UriSchemeHttp) ? hosted.AbsoluteUri : null;
        }

        var root = new Uri(apiBase + packageBase());
        if (au.Url.StartsWith('/') || au.Url.StartsWith('\\') || !Uri.TryCreate(root, au.Url, out var resolved)
            || !resolved.AbsolutePath.StartsWith(root.AbsolutePath, StringComparison.Ordinal))
        {
            return null;
        }

        var file = Uri.UnescapeDataString(resolved.AbsolutePath[root.AbsolutePath.Length..]);
        return package.Files.Contains(file) ? resolved.AbsoluteUri : null;
    }

    /// <summary>
    /// A file of a cmi5 package, read from the zip in the media store (never extracted), through the signed base path
    /// a launch hands out: 403 for a forged, altered or expired token, 404 for a path that is no file of the package.
    /// </summary>
    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Content(
        string courseId, string mediaId, string token, string? path, HttpContext context, IClusterClient cluster, MediaLinks links,
        IMediaStore store, Cmi5ContentPolicy policy, TimeProvider clock)
    {
        if (!Ids.IsValid(courseId) || !MediaIds.IsValid(mediaId))
        {
            return Problems.NotFound("No such package.");
        }

        if (links.CheckPackage(courseId, mediaId, token) is not { } expiresAt)
        {
            return Problems.Forbidden("This package address is forged, altered or expired; launch the AU again for a new one.");
        }

        if (!Cmi5PackageFiles.IsSafePath(path))
        {
            return Problems.NotFound("No such file in the package.");
        }

        var stream = await cluster.ByKey<ICourseMediaGrain>(courseId).Get(mediaId) is null ? null : store.OpenRead(mediaId);
        if (stream is null)
        {
            return Problems.NotFound($"Course '{courseId}' has no package '{mediaId}'.");
        }

        ZipArchive archive;
        ZipArchiveEntry? entry;
        try
        {
            archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: false);
            context.Response.RegisterForDispose(archive);
            Cmi5PackageFiles.Check(archive);
            entry = archive.GetEntry(path!);
        }
        catch (Exception e) when (e is InvalidDataException or Cmi5PackageException)
        {
            await stream.DisposeAsync();
            return Problems.NotFound($"Package '{mediaId}' is not a servable cmi5 package: {e.Message}");
        }

        if (entry is null || entry.FullName.EndsWith('/'))
        {
            return Problems.NotFound("No such file in the package.");
        }

        if (!ContentTypes.TryGetContentType(entry.FullName, out var contentType))
        {
            contentType = "application/octet-stream";
        }

        // The bytes under a media id never change, so a browser keeps them while the token lives.
        var headers = context.Response.Headers;
        headers.CacheControl = $"private, max-age={Math.Max(0, expiresAt - clock.GetUtcNow().ToUnixTimeSeconds())}, immutable";
        headers.Remove(HeaderNames.XFrameOptions);
        headers.ContentSecurityPolicy = policy.Header;
        headers.XContentTypeOptions = "nosniff";
        return TypedResults.Stream(
            new BoundedReadStream(entry.Open(), entry.Length), contentType, lastModified: entry.LastWriteTime,
            entityTag: new EntityTagHeaderValue($"\"{mediaId[..16]}-{entry.Crc32.ToString("x8", CultureInfo.InvariantCulture)}\""));
    }

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    /// <summary>cmi5 8.2: 200 with the auth-token the first time; 200 with error-code 1 after, 2 for anything not a live launch.</summary>
    private static async Task<Ok<JsonObject>> Fetch(string? unit, string? session, string? k, IClusterClient cluster)
    {
        if (unit is null || unit.Split('/').Length != 4 || !Guid.TryParse(session, out var sessionId) || k is not { Length: 64 })
        {
            return Error("2", "This is not a fetch URL of a cmi5 launch.");
        }

        var secret = await cluster.ByKey<ICmi5RegistrationGrain>(unit).Fetch(sessionId, Cmi5Hash.Of(k));
        return secret is null
            ? Error("1", "The authorization token has already been returned, or the session is over.")
            : TypedResults.Ok(new JsonObject { ["auth-token"] = Cmi5Tokens.Create(unit, sessionId, secret) });
    }

    private static Ok<JsonObject> Error(string code, string text) => TypedResults.Ok(new JsonObject { ["error-code"] = code, ["error-text"] = text });

    private static async Task<Results<Ok<Cmi5LessonStatusResponse>, ProblemHttpResult>> Waive(
        string learnerId, string courseId, string lessonId, Cmi5WaiverBody? body, HttpContext context, IClusterClient cluster,
        CourseAccess access, IMediaStore store, Cmi5Lms lms, Cmi5RemotePackages remote)
    {
        var caller = context.Caller();
        if (!Ids.IsValid(courseId) || (caller.IsApiKey && !caller.HasScope(Scopes.CoursesWrite))
            || await access.CheckAsync(caller, courseId, CoursePermission.Manage) != CourseAccessDecision.Allowed)
        {
            return Problems.Forbidden($"AUs are waived by the trainers of course '{courseId}', admins and API keys with {Scopes.CoursesWrite}.");
        }

        if (body?.Reason is not ("Tested" or "Equivalent" or "Administrative"))
        {
            return Problems.BadRequest("reason must be Tested, Equivalent or Administrative (cmi5 9.5.5.2).", "reason");
        }

        var (package, _, problem) = await PackageAsync(courseId, lessonId, caller, cluster, access, store, remote, context.RequestAborted);
        if (problem is not null)
        {
            return problem;
        }

        var index = body.AuId is { } auId ? package!.Aus.ToList().FindIndex(a => a.Id == auId) : 0;
        if (index < 0)
        {
            return Problems.BadRequest($"auId '{body.AuId}' is not an AU of the lesson's cmi5.xml.", "auId");
        }

        var grain = cluster.ByKey<ICmi5RegistrationGrain>(Cmi5Keys.Unit(learnerId, courseId, lessonId, index));
        if (await grain.GetStatus() is not { } status)
        {
            return Problems.Conflict($"Learner '{learnerId}' has not launched AU {package!.Aus[index].Id}; launch it once so it has a registration.", "auId");
        }

        if (await grain.Waive())
        {
            var waiverSession = Guid.NewGuid();
            await lms.RecordAsync(
                [lms.Statement(status.Unit, Cmi5Verbs.Waived, "waived", waiverSession, result: new JsonObject
                {
                    ["success"] = true,
                    ["completion"] = true,
                    ["extensions"] = new JsonObject { [Cmi5Verbs.ReasonExtension] = body.Reason },
                })],
                context.RequestAborted);
            await lms.LessonSatisfiedIfAllAsync(status.Unit, package!.Aus.Count, waiverSession, package.CourseId, context.RequestAborted);
        }

        return TypedResults.Ok(await StatusOf(cluster, learnerId, courseId, lessonId, package!));
    }

    private static async Task<Results<Ok<Cmi5LessonStatusResponse>, ProblemHttpResult>> Status(
        string learnerId, string courseId, string lessonId, HttpContext context, IClusterClient cluster, CourseAccess access, IMediaStore store,
        Cmi5RemotePackages remote)
    {
        var caller = context.Caller();
        if (!(caller.IsLearnerSelf(learnerId) || caller.IsAdmin || caller.IsTrainer))
        {
            return caller.IsLearner ? Problems.NotFound($"Learner '{learnerId}' does not exist.") : Problems.Forbidden("A learner's cmi5 status is theirs, their trainers' and admins'.");
        }

        if (caller.IsTrainer && (!Ids.IsValid(courseId) || await access.CheckAsync(caller, courseId, CoursePermission.Manage) != CourseAccessDecision.Allowed))
        {
            return Problems.Forbidden($"Only the trainers of course '{courseId}' see its learners' cmi5 status.");
        }

        var (package, _, problem) = await PackageAsync(courseId, lessonId, caller, cluster, access, store, remote, context.RequestAborted);
        return problem ?? (Results<Ok<Cmi5LessonStatusResponse>, ProblemHttpResult>)TypedResults.Ok(await StatusOf(cluster, learnerId, courseId, lessonId, package!));
    }

    private static async Task<Cmi5LessonStatusResponse> StatusOf(IClusterClient cluster, string learnerId, string courseId, string lessonId, Cmi5Package package)
    {
        var aus = new List<Cmi5AuStatusResponse>();
        for (var i = 0; i < package.Aus.Count; i++)
        {
            var au = package.Aus[i];
            var s = await cluster.ByKey<ICmi5RegistrationGrain>(Cmi5Keys.Unit(learnerId, courseId, lessonId, i)).GetStatus();
            aus.Add(new Cmi5AuStatusResponse(au.Id, au.Title, au.MoveOn, s is not null, s?.Completed == true, s?.Passed == true, s?.Failed == true, s?.Waived == true, s?.Satisfied == true));
        }

        return new Cmi5LessonStatusResponse(courseId, lessonId, Cmi5Lms.Registration(learnerId, courseId, lessonId), aus.All(a => a.Satisfied), aus);
    }

    /// <summary>The lesson's cmi5 package, read from the media store, after the course access check (view content).</summary>
    private static async Task<(Cmi5Package? Package, LessonDefinition? Lesson, ProblemHttpResult? Problem)> PackageAsync(
        string courseId, string lessonId, Caller caller, IClusterClient cluster, CourseAccess access, IMediaStore store,
        Cmi5RemotePackages remote, CancellationToken cancellationToken)
    {
        if (!Ids.IsValid(courseId))
        {
            return (null, null, Problems.NotFound($"Course '{courseId}' does not exist."));
        }

        switch (await access.CheckAsync(caller, courseId, CoursePermission.ViewContent))
        {
            case CourseAccessDecision.Allowed:
                break;
            case CourseAccessDecision.NotFound:
                return (null, null, Problems.NotFound($"Course '{courseId}' does not exist."));
            default:
                return (null, null, Problems.Forbidden($"Only learners enrolled in course '{courseId}', its trainers and admins use its content."));
        }

        var course = await cluster.ByKey<ICourseGrain>(courseId).Get();
        var lesson = course?.Definition.AllLessons().FirstOrDefault(l => l.Id == lessonId);
        if (lesson is null)
        {
            return (null, null, Problems.NotFound($"Course '{courseId}' has no lesson '{lessonId}'."));
        }

        if (lesson.Kind == LessonKinds.Cmi5 && lesson.MediaId is null && lesson.ContentUrl is { } outside)
        {
            try
            {
                return (await remote.GetAsync(outside, cancellationToken), lesson, null);
            }
            catch (Cmi5PackageException e)
            {
                return (null, null, Problems.Conflict($"Lesson '{lessonId}': {e.Message}", "lessonId"));
            }
        }

        if (lesson.Kind != LessonKinds.Cmi5 || lesson.MediaId is not { } mediaId)
        {
            return (null, null, Problems.Conflict($"Lesson '{lessonId}' is not a cmi5 lesson with a package (kind cmi5, and an uploaded mediaId or the contentUrl of its cmi5.xml).", "lessonId"));
        }

        await using var zip = store.OpenRead(mediaId);
        if (zip is null)
        {
            return (null, null, Problems.Conflict($"The package '{mediaId}' of lesson '{lessonId}' is missing from the media store.", "lessonId"));
        }

        try
        {
            return (Cmi5Package.FromZip(zip), lesson, null);
        }
        catch (Cmi5PackageException e)
        {
            return (null, null, Problems.Conflict($"Lesson '{lessonId}': {e.Message}", "lessonId"));
        }
    }
}
