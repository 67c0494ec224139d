using AdaptiveMooc.Api.Contracts;
using AdaptiveMooc.Api.Http;
using AdaptiveMooc.Api.Security;
using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.LrsForwarding;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdaptiveMooc.Api.Endpoints;

/// <summary>
/// Forwarding of stored statements to outside LRSs (admins only; docs/XAPI.md "Forwarding"). The password
/// is write-only: stored encrypted by the silo and never answered.
/// </summary>
public static class LrsForwardingEndpoints
{
    public static IEndpointRouteBuilder MapLrsForwardingEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/lrs-forwarding").WithTags("LrsForwarding").RequireAuthorization(MoocPolicies.Admin);
        group.MapPost("/", Create).WithName("CreateLrsForwarding")
            .WithSummary("Adds an outside LRS to forward every stored statement (or those of some courses) to, from the start of the log.");
        group.MapGet("/", List).WithName("ListLrsForwarding").WithSummary("The forwarding targets with their outbox depth and lag.");
        group.MapGet("/{id}", Get).WithName("GetLrsForwarding").WithSummary("One forwarding target with its outbox depth and lag.");
        group.MapDelete("/{id}", Delete).WithName("DeleteLrsForwarding").WithSummary("Stops forwarding to the target and drops its cursor and dead letters.");
        group.MapGet("/{id}/dead-letters", DeadLetters).WithName("ListLrsForwardingDeadLetters")
            .WithSummary("Statements the target refused (or failed on too often), in log order.");
        group.MapPost("/{id}/dead-letters/retry", Retry).WithName("RetryLrsForwardingDeadLetters")
            .WithSummary("Sends every dead letter of the target once more.");
        return app;
    }

    private static async Task<Results<Created<LrsForwardingResponse>, ProblemHttpResult>> Create(LrsForwardingBody? body, IGrainFactory grains, HttpContext http)
    {
        if (body is null)
        {
            return Problems.BadRequest("A JSON body {endpoint, username, password, courseIds} is required.", "body");
        }

        if (!Uri.TryCreate(body.Endpoint, UriKind.Absolute, out var endpoint) || body.Endpoint!.Length > LrsForwardingLimits.EndpointMaxLength
            || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(endpoint.UserInfo) || !string.IsNullOrEmpty(endpoint.Query) || !string.IsNullOrEmpty(endpoint.Fragment))
        {
            return Problems.BadRequest(
                $"endpoint must be an absolute http(s) URL of at most {LrsForwardingLimits.EndpointMaxLength} characters, the LRS's xAPI base (e.g. https://lrs.example/xapi), without credentials, query or fragment.",
                "endpoint");
        }

        if (string.IsNullOrEmpty(body.Username) || body.Username.Length > LrsForwardingLimits.UsernameMaxLength || body.Username.Contains(':', StringComparison.Ordinal)
            || body.Username.Any(char.IsControl))
        {
            return Problems.BadRequest($"username is required: 1-{LrsForwardingLimits.UsernameMaxLength} characters, no ':' (HTTP Basic).", "username");
        }

        if (string.IsNullOrEmpty(body.Password) || body.Password.Length > LrsForwardingLimits.PasswordMaxLength || body.Password.Any(char.IsControl))
        {
            return Problems.BadRequest($"password is required: 1-{LrsForwardingLimits.PasswordMaxLength} characters.", "password");
        }

        string[]? courses = null;
        if (body.CourseIds is { } requested)
        {
            if (requested.Length is 0 or > LrsForwardingLimits.MaxCourses || !requested.All(Ids.IsValid))
            {
                return Problems.BadRequest(
                    $"courseIds, when given, lists 1-{LrsForwardingLimits.MaxCourses} course ids; leave it out to forward every statement.", "courseIds");
            }

            courses = [.. requested.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)!];
        }

        var caller = http.Caller();
        var result = await grains.ByKey<ILrsForwardingGrain>(0)
            .Create(new LrsForwardingTargetRequest(endpoint, body.Username, body.Password, courses, caller.Id));
        switch (result.Status)
        {
            case LrsForwardingCreateStatus.TooMany:
                return Problems.Conflict($"At most {LrsForwardingLimits.MaxTargets} forwarding targets; delete unused ones.");
            case LrsForwardingCreateStatus.Unavailable:
                return Unavailable();
        }

        var target = result.Target!;
        var courseDetail = courses is null ? "courses=all" : $"courses={string.Join(' ', courses)}";
        await http.AuditAsync("lrsForwarding.create", $"lrsForwarding:{target.Id}", $"endpoint={target.Endpoint} username={target.Username} {courseDetail}");
        return TypedResults.Created($"/api/lrs-forwarding/{target.Id}", LrsForwardingResponse.From(target));
    }

    private static async Task<Ok<IReadOnlyList<LrsForwardingResponse>>> List(IGrainFactory grains) =>
        TypedResults.Ok<IReadOnlyList<LrsForwardingResponse>>([.. (await grains.ByKey<ILrsForwardingGrain>(0).List()).Select(LrsForwardingResponse.From)]);

    private static async Task<Results<Ok<LrsForwardingResponse>, ProblemHttpResult>> Get(string id, IGrainFactory grains)
    {
        if (!Guid.TryParse(id, out var targetId))
        {
            return InvalidId();
        }

        return await grains.ByKey<ILrsForwardingGrain>(0).Get(targetId) is { } target ? TypedResults.Ok(LrsForwardingResponse.From(target)) : NotFound(id);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string id, IGrainFactory grains, HttpContext http)
    {
        if (!Guid.TryParse(id, out var targetId))
        {
            return InvalidId();
        }

        if (!await grains.ByKey<ILrsForwardingGrain>(0).Delete(targetId))
        {
            return NotFound(id);
        }

        await http.AuditAsync("lrsForwarding.delete", $"lrsForwarding:{targetId}");
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<LrsForwardingDeadLetterList>, ProblemHttpResult>> DeadLetters(string id, long? after, int? limit, IGrainFactory grains)
    {
        if (limit is { } l && (l < 1 || l > LrsForwardingLimits.MaxDeadLettersPerPage))
        {
            return Problems.BadRequest($"limit must be 1-{LrsForwardingLimits.MaxDeadLettersPerPage}.", "limit");
        }

        if (after is < 0)
        {
            return Problems.BadRequest("after must be a sequence this list returned (0 or more).", "after");
        }

        if (!Guid.TryParse(id, out var targetId))
        {
            return InvalidId();
        }

        var take = limit ?? 100;
        if (await grains.ByKey<ILrsForwardingGrain>(0).DeadLetters(targetId, after ?? 0, take + 1) is not { } letters)
        {
            return NotFound(id);
        }

        var more = letters.Count > take;
        var page = more ? letters.Take(take).ToList() : letters;
        return TypedResults.Ok(new LrsForwardingDeadLetterList(page, more ? page[^1].Sequence : null));
    }

    private static async Task<Results<Ok<LrsForwardingRetryResponse>, ProblemHttpResult>> Retry(string id, IGrainFactory grains, HttpContext http)
    {
        if (!Guid.TryParse(id, out var targetId))
        {
            return InvalidId();
        }

        if (await grains.ByKey<ILrsForwardingGrain>(0).RetryDeadLetters(targetId) is not { } requested)
        {
            return NotFound(id);
        }

        await http.AuditAsync("lrsForwarding.retry", $"lrsForwarding:{targetId}", $"deadLetters={requested}");
        return TypedResults.Ok(new LrsForwardingRetryResponse(requested));
    }

    private static ProblemHttpResult InvalidId() => Problems.BadRequest("id must be a forwarding target's id (a UUID).", "id");

    private static ProblemHttpResult NotFound(string id) => Problems.NotFound($"No forwarding target with id '{id}'.");

    private static ProblemHttpResult Unavailable() =>
        TypedResults.Problem(
            title: "Service unavailable", detail: "Forwarding needs the silo's PostgreSQL statement log (Mooc:Storage=postgres).",
            statusCode: StatusCodes.Status503ServiceUnavailable);
}
