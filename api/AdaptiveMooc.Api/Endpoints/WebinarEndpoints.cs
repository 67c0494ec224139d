using AdaptiveMooc.Api.Http;
using AdaptiveMooc.Api.Security;
using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Learners;
using AdaptiveMooc.Grains.Abstractions.Webinars;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdaptiveMooc.Api.Endpoints;

/// <summary>
/// Webinars and live lectures of a course: scheduled by its trainers, registered for by enrolled learners
/// with the capacity enforced by the webinar's grain, attendance recorded as an <c>attended</c> statement,
/// and each learner's registered webinars (which the weekly planner includes).
/// </summary>
public static class WebinarEndpoints
{
    public static IEndpointRouteBuilder MapWebinarEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var webinars = app.MapGroup("/api/courses/{courseId}/webinars").WithTags("Webinars");
        webinars.MapGet("/", List).WithName("ListWebinars");
        webinars.MapPost("/", Schedule).WithName("ScheduleWebinar");
        webinars.MapGet("/{webinarId:guid}", Get).WithName("GetWebinar");
        webinars.MapPost("/{webinarId:guid}/registrations", Register).WithName("RegisterForWebinar");
        webinars.MapPost("/{webinarId:guid}/attendance", RecordAttendance).WithName("RecordWebinarAttendance");
        webinars.MapGet("/{webinarId:guid}/registrations", ListRegistrations).WithName("ListWebinarRegistrations")
            .WithSummary("Who registered for a webinar and who attended (the course's trainers and admins).");
        app.MapGet("/api/learners/{learnerId}/webinars", ListForLearner).WithTags("Webinars").WithName("ListLearnerWebinars");
        return app;
    }

    public sealed record ScheduleRequest(string? Title, DateTimeOffset? Start, int? Minutes, int? Capacity, string? JoinUrl);

    public sealed record LearnerRequest(string? LearnerId);

    /// <summary><c>joinUrl</c> is shown to the course's trainers and to learners registered for the webinar only.</summary>
    public sealed record WebinarResponse(
        Guid Id, string CourseId, string Title, DateTimeOffset Start, DateTimeOffset End, int Minutes, int Capacity,
        int Registered, int SeatsLeft, Uri? JoinUrl, string CreatedBy, DateTimeOffset CreatedAt);

    public sealed record RegistrationResponse(Guid WebinarId, string LearnerId, WebinarResponse Webinar);

    public sealed record RegistrantResponse(string LearnerId, DateTimeOffset RegisteredAt, DateTimeOffset? AttendedAt);

    /// <summary>Every registration (at most the webinar's capacity), oldest first; <c>attended</c> counts the recorded attendances.</summary>
    public sealed record RegistrationsResponse(Guid WebinarId, int Registered, int Attended, IReadOnlyList<RegistrantResponse> Items);

    private static async Task<IResult> List(string courseId, HttpContext context, IGrainFactory grains, int? limit, string? after)
    {
        var caller = context.Caller();
        var access = await SocialAccess.CheckAsync(grains, caller, courseId);
        if (!access.CanUse)
        {
            return access.Denied(courseId);
        }

        if (!Paging.TryLimit(limit, out var size, out var problem))
        {
            return problem!;
        }

        if (after is not null && !WebinarCursor.TryDecode(after, out _))
        {
            return Problems.BadRequest("after is not a cursor this listing returned.", "after");
        }

        var page = await grains.ByKey<IWebinarDirectoryGrain>(0).ListForCourseAsync(courseId, after, size);
        var items = new List<WebinarResponse>(page.Items.Count);
        foreach (var webinar in page.Items)
        {
            items.Add(ToResponse(webinar, access.CanModerate || await IsRegisteredAsync(grains, caller, webinar)));
        }

        return TypedResults.Ok(new Page<WebinarResponse>(items, page.Next));
    }

    private static async Task<IResult> Schedule(string courseId, ScheduleRequest? request, HttpContext context, IGrainFactory grains)
    {
        var caller = context.Caller();
        var access = await SocialAccess.CheckAsync(grains, caller, courseId);
        var canSchedule = access.CanModerate || (access.Found && caller.HasScope(Scopes.CoursesWrite) && caller.CoversCourse(courseId));
        if (!canSchedule)
        {
            return access.CanUse ? SocialAccess.NotModerator(courseId) : access.Denied(courseId);
        }

        if (request is null)
        {
            return Problems.BadRequest("A JSON body {title, start, minutes, capacity, joinUrl} is required.", "body");
        }

        if (!RequiredText.TryRead(request.Title, "title", WebinarLimits.TitleMaxLength, out var title, out var problem))
        {
            return problem!;
        }

        if (request.Start is not { } start)
        {
            return Problems.BadRequest("start is required: an ISO 8601 instant with an offset.", "start");
        }

        if (start < DateTimeOffset.UtcNow)
        {
            return Problems.BadRequest("start must be in the future.", "start");
        }

        if (request.Minutes is not { } minutes || minutes < 1 || minutes > WebinarLimits.MaxMinutes)
        {
            return Problems.BadRequest($"minutes must be between 1 and {WebinarLimits.MaxMinutes}.", "minutes");
        }

        if (request.Capacity is not { } capacity || capacity < 1 || capacity > WebinarLimits.MaxCapacity)
        {
            return Problems.BadRequest($"capacity must be between 1 and {WebinarLimits.MaxCapacity}.", "capacity");
        }

        if (request.JoinUrl is not { Length: <= WebinarLimits.JoinUrlMaxLength } joinText
            || !Uri.TryCreate(joinText, UriKind.Absolute, out var joinUrl)
            || joinUrl.Scheme is not ("https" or "http"))
        {
            return Problems.BadRequest("joinUrl must be an absolute http(s) URL of at most 2000 characters.", "joinUrl");
        }

        var webinarId = Guid.NewGuid();
        var result = await Webinar(grains, courseId, webinarId)
            .ScheduleAsync(new WebinarDefinition(title, start, minutes, capacity, joinUrl, caller.Id));
        return result.IsOk
            ? TypedResults.Created($"/api/courses/{courseId}/webinars/{webinarId:D}", ToResponse(result.Webinar!, showJoinUrl: true))
            : Problems.Conflict($"Webinar {webinarId} already exists.");
    }

    private static async Task<IResult> Get(string courseId, Guid webinarId, HttpContext context, IGrainFactory grains)
    {
        var caller = context.Caller();
        var access = await SocialAccess.CheckAsync(grains, caller, courseId);
        if (!access.CanUse)
        {
            return access.Denied(courseId);
        }

        var webinar = await Webinar(grains, courseId, webinarId).GetAsync();
        return webinar is null
            ? Problems.NotFound($"Webinar {webinarId} does not exist in course '{courseId}'.")
            : TypedResults.Ok(ToResponse(webinar, access.CanModerate || await IsRegisteredAsync(grains, caller, webinar)));
    }

    private static async Task<IResult> Register(
        string courseId, Guid webinarId, LearnerRequest? request, HttpContext context, IGrainFactory grains)
    {
        var caller = context.Caller();
        var access = await SocialAccess.CheckAsync(grains, caller, courseId);
        if (!access.CanUse)
        {
            return access.Denied(courseId);
        }

        var learnerId = request?.LearnerId ?? (caller.IsLearner ? caller.Id : null);
        if (!Ids.IsValid(learnerId))
        {
            return Problems.BadRequest("learnerId is required: 1-64 of [a-z0-9-].", "learnerId");
        }

        // A learner registers themself; trainers and admins may register any learner enrolled in the course.
        if (caller.IsLearner && learnerId != caller.Id)
        {
            return Problems.NotFound($"Learner '{learnerId}' does not exist.");
        }

        if (!caller.IsLearner && !await IsEnrolledAsync(grains, learnerId!, courseId))
        {
            return Problems.BadRequest($"Learner '{learnerId}' is not enrolled in course '{courseId}'.", "learnerId");
        }

        var result = await Webinar(grains, courseId, webinarId).RegisterAsync(learnerId!);
        return result.Outcome switch
        {
            WebinarOutcome.Ok => TypedResults.Created(
                $"/api/learners/{learnerId}/webinars", new RegistrationResponse(webinarId, learnerId!, ToResponse(result.Webinar!, showJoinUrl: true))),
            WebinarOutcome.AlreadyRegistered => Problems.Conflict($"Learner '{learnerId}' is already registered for webinar {webinarId}."),
            WebinarOutcome.Full => Problems.Conflict($"Webinar {webinarId} is full ({result.Webinar!.Capacity} seats)."),
            WebinarOutcome.Ended => Problems.Conflict($"Webinar {webinarId} has ended."),
            _ => Problems.NotFound($"Webinar {webinarId} does not exist in course '{courseId}'."),
        };
    }

    private static async Task<IResult> RecordAttendance(
        string courseId, Guid webinarId, LearnerRequest? request, HttpContext context, IGrainFactory grains)
    {
        var caller = context.Caller();
        var access = await SocialAccess.CheckAsync(grains, caller, courseId);
        var allowed = access.CanModerate || (access.Found && caller.HasScope(Scopes.StatementsWrite) && caller.CoversCourse(courseId));
        if (!allowed)
        {
            return access.CanUse ? SocialAccess.NotModerator(courseId) : access.Denied(courseId);
        }

        if (!Ids.IsValid(request?.LearnerId))
        {
            return Problems.BadRequest("learnerId is required: 1-64 of [a-z0-9-].", "learnerId");
        }

        var result = await Webinar(grains, courseId, webinarId).RecordAttendanceAsync(request!.LearnerId!);
        return result.Outcome switch
        {
            WebinarOutcome.Ok => TypedResults.Ok(new RegistrationResponse(webinarId, request.LearnerId!, ToResponse(result.Webinar!, showJoinUrl: true))),
            WebinarOutcome.NotRegistered => Problems.Conflict($"Learner '{request.LearnerId}' is not registered for webinar {webinarId}."),
            WebinarOutcome.NotStarted => Problems.Conflict($"Webinar {webinarId} has not started yet."),
            _ => Problems.NotFound($"Webinar {webinarId} does not exist in course '{courseId}'."),
        };
    }

    private static async Task<Results<Ok<RegistrationsResponse>, ProblemHttpResult>> ListRegistrations(
        string courseId, Guid webinarId, HttpContext context, IGrainFactory grains)
    {
        var access = await SocialAccess.CheckAsync(grains, context.Caller(), courseId);
        if (!access.CanModerate)
        {
            return (ProblemHttpResult)(access.CanUse ? SocialAccess.NotModerator(courseId) : access.Denied(courseId));
        }

        var rows = await Webinar(grains, courseId, webinarId).ListRegistrationsAsync();
        if (rows is null)
        {
            return Problems.NotFound($"Webinar {webinarId} does not exist in course '{courseId}'.");
        }

        return TypedResults.Ok(new RegistrationsResponse(
            webinarId, rows.Count, rows.Count(r => r.AttendedAt is not null),
            [.. rows.Select(r => new RegistrantResponse(r.LearnerId, r.RegisteredAt, r.AttendedAt))]));
    }

    private static async Task<IResult> ListForLearner(
        string learnerId, HttpContext context, IGrainFactory grains, int? limit, string? after, DateTimeOffset? from)
    {
        var caller = context.Caller();
        if (!caller.IsAdmin && !caller.IsLearnerSelf(learnerId))
        {
            // Another learner's data: its existence is private.
            return caller.IsLearner
                ? Problems.NotFound($"Learner '{learnerId}' does not exist.")
                : Problems.Forbidden("Only the learner and admins may list a learner's webinars.");
        }

        if (caller.IsAdmin && await grains.ByKey<ILearnerGrain>(learnerId).GetProfile() is null)
        {
            return Problems.NotFound($"Learner '{learnerId}' does not exist.");
        }

        if (!Paging.TryLimit(limit, out var size, out var problem))
        {
            return problem!;
        }

        if (after is not null && !WebinarCursor.TryDecode(after, out _))
        {
            return Problems.BadRequest("after is not a cursor this listing returned.", "after");
        }

        var page = await grains.ByKey<IWebinarDirectoryGrain>(0).ListForLearnerAsync(learnerId, from, after, size);
        return TypedResults.Ok(new Page<WebinarResponse>([.. page.Items.Select(w => ToResponse(w, showJoinUrl: true))], page.Next));
    }

    private static async Task<bool> IsEnrolledAsync(IGrainFactory grains, string learnerId, string courseId) =>
        (await grains.ByKey<ILearnerGrain>(learnerId).GetEnrolments()).Any(e => e.CourseId == courseId && e.Active);

    private static async Task<bool> IsRegisteredAsync(IGrainFactory grains, Caller caller, WebinarView webinar) =>
        caller.IsLearner && await Webinar(grains, webinar.CourseId, webinar.WebinarId).IsRegisteredAsync(caller.Id);

    private static IWebinarGrain Webinar(IGrainFactory grains, string courseId, Guid webinarId) =>
        grains.ByKey<IWebinarGrain>(WebinarKeys.Webinar(courseId, webinarId));

    private static WebinarResponse ToResponse(WebinarView w, bool showJoinUrl) => new(
        w.WebinarId, w.CourseId, w.Title, w.Start, w.Start.AddMinutes(w.Minutes), w.Minutes, w.Capacity, w.Registered,
        Math.Max(0, w.Capacity - w.Registered), showJoinUrl ? w.JoinUrl : null, w.CreatedBy, w.CreatedAt);
}
