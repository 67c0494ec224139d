using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AdaptiveMooc.Api.Http;
using AdaptiveMooc.Api.Security;
using AdaptiveMooc.Api.Xapi;
using AdaptiveMooc.Api.Xapi.Documents;
using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Courses;
using AdaptiveMooc.Grains.Abstractions.Learners;
using AdaptiveMooc.Grains.Abstractions.Xapi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace AdaptiveMooc.Api.Endpoints;

/// <summary>
/// The document resources of xAPI 1.0.3 (Communication 2.3-2.7; docs/XAPI.md, "Documents"): State,
/// Activity Profile and Agent Profile, plus the Activities and Agents resources. Mapped inside the
/// <c>/xapi</c> group, whose filter enforces the <c>X-Experience-API-Version</c> header. Reading needs
/// <c>statements:read</c> on an API key, writing <c>statements:write</c>; a learner reads and writes the State
/// and Agent Profile documents of their own agent and reads Activity Profiles.
/// </summary>
public static class XapiDocumentEndpoints
{
    private const string State = "/activities/state";
    private const string ActivityProfile = "/activities/profile";
    private const string AgentProfile = "/agents/profile";
    private const int MaxDocumentIdLength = 1024;
    private const int MaxActivityIdLength = 2048;

    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    public static RouteGroupBuilder MapXapiDocumentEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapMethods(State, GetAndHead, (HttpContext c, IClusterClient g, IOptions<XapiOptions> o) => Get(c, g, o, XapiDocumentKind.State))
            .WithName("GetXapiState").WithSummary("One State document (stateId) or the ids of a context's State documents (since).");
        group.MapPut(State, (HttpContext c, IClusterClient g, IOptions<XapiOptions> o) => Write(c, g, o, XapiDocumentKind.State, merge: false))
            .WithName("PutXapiState").WithSummary("Stores a State document as sent.");
        group.MapPost(State, (HttpContext c, IClusterClient g, IOptions<XapiOptions> o) => Write(c, g, o, XapiDocumentKind.State, merge: true))
            .WithName("PostXapiState").WithSummary("Stores a State document, merging JSON objects into the stored one.");
        group.MapDelete(State, (HttpContext c, IClusterClient g, IOptions<XapiOptions> o) => Delete(c, g, o, XapiDocumentKind.State))
            .WithName("DeleteXapiState").WithSummary("Deletes one State document (stateId) or every State document of the context.");

        group.MapMethods(ActivityProfile, GetAndHead, (HttpContext c, IClusterClient g, IOptions<XapiOptions> o) => Get(c, g, o, XapiDocumentKind.ActivityProfile))
            .WithName("GetXapiActivityProfile").WithSummary("One Activity Profile document (profileId) or the ids of an activity's profiles (since).");
        group.MapPut(ActivityProfile, (HttpContext c, IClusterClient g, IOptions<XapiOptions> o) => Write(c, g, o, XapiDocumentKind.ActivityProfile, merge: false))
            .WithName("PutXapiActivityProfile").WithSummary("Stores an Activity Profile document (If-Match or If-None-Match required over an existing one).");
        group.MapPost(ActivityProfile, (HttpContext c, IClusterClient g, IOptions<XapiOptions> o) => Write(c, g, o, XapiDocumentKind.ActivityProfile, merge: true))
            .WithName("PostXapiActivityProfile").WithSummary("Stores an Activity Profile document, merging JSON objects.");
        group.MapDelete(ActivityProfile, (HttpContext c, IClusterClient g, IOptions<XapiOptions> o) => Delete(c, g, o, XapiDocumentKind.ActivityProfile))
            .WithName("DeleteXapiActivityProfile").WithSummary("Deletes an Activity Profile document.");

        group.MapMethods(AgentProfile, GetAndHead, (HttpContext c, IClusterClient g, IOptions<XapiOptions> o) => Get(c, g, o, XapiDocumentKind.AgentProfile))
            .WithName("GetXapiAgentProfile").WithSummary("One Agent Profile document (profileId) or the ids of an agent's profiles (since).");
        group.MapPut(AgentProfile, (HttpContext c, IClusterClient g, IOptions<XapiOptions> o) => Write(c, g, o, XapiDocumentKind.AgentProfile, merge: false))
            .WithName("PutXapiAgentProfile").WithSummary("Stores an Agent Profile document (If-Match or If-None-Match required over an existing one).");
        group.MapPost(AgentProfile, (HttpContext c, IClusterClient g, IOptions<XapiOptions> o) => Write(c, g, o, XapiDocumentKind.AgentProfile, merge: true))
            .WithName("PostXapiAgentProfile").WithSummary("Stores an Agent Profile document, merging JSON objects.");
        group.MapDelete(AgentProfile, (HttpContext c, IClusterClient g, IOptions<XapiOptions> o) => Delete(c, g, o, XapiDocumentKind.AgentProfile))
            .WithName("DeleteXapiAgentProfile").WithSummary("Deletes an Agent Profile document.");

        group.MapMethods("/activities", GetAndHead, GetActivity)
            .WithName("GetXapiActivity").WithSummary("The Activity object the LRS knows for activityId.");
        group.MapMethods("/agents", GetAndHead, GetPerson)
            .WithName("GetXapiAgents").WithSummary("The Person object the LRS knows for an agent.");

        // cmi5 AUs post with their launch's auth-token: their statements are checked against the session (docs/XAPI.md, "cmi5").
        group.AddEndpointFilter(Xapi.Cmi5.Cmi5StatementFilter.InvokeAsync);
        return group;
    }

    private static async Task<Results<FileContentHttpResult, Ok<IReadOnlyList<string>>, ProblemHttpResult>> Get(
        HttpContext context, IClusterClient cluster, IOptions<XapiOptions> options, XapiDocumentKind kind)
    {
        var caller = context.Caller();
        if (MayUse(caller, write: false) is { } denied)
        {
            return denied;
        }

        if (Resolve(context, kind, HttpMethods.Get, options.Value.Base, out var target) is { } invalid)
        {
            return invalid;
        }

        if (MayTouch(caller, target, write: false, options.Value.Base) is { } refused)
        {
            return refused;
        }

        var documents = cluster.ByKey<IXapiDocumentGrain>(target.Scope.Key);
        if (target.DocumentId is { } documentId)
        {
            if (await documents.Get(documentId) is not { } document)
            {
                return Problems.NotFound($"No {IdName(kind)} '{documentId}' in this context.");
            }

            context.Response.Headers.ETag = Quote(document.ETag);
            context.Response.Headers.LastModified = document.Updated.ToString("R", CultureInfo.InvariantCulture);
            return TypedResults.Bytes(document.Content, document.ContentType);
        }

        var ids = await documents.ListIds(target.Since);
        var body = JsonSerializer.SerializeToUtf8Bytes(ids.Ids);
        context.Response.Headers.ETag = Quote(Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData(body)));
        if (ids.LastModified is { } last)
        {
            context.Response.Headers.LastModified = last.ToString("R", CultureInfo.InvariantCulture);
        }

        return TypedResults.Ok(ids.Ids);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Write(
        HttpContext context, IClusterClient cluster, IOptions<XapiOptions> options, XapiDocumentKind kind, bool merge)
    {
        var caller = context.Caller();
        if (MayUse(caller, write: true) is { } denied)
        {
            return denied;
        }

        if (Resolve(context, kind, HttpMethods.Put, options.Value.Base, out var target) is { } invalid)
        {
            return invalid;
        }

        if (MayTouch(caller, target, write: true, options.Value.Base) is { } refused)
        {
            return refused;
        }

        if (Preconditions(context.Request, required: !merge && kind != XapiDocumentKind.State, out var preconditions) is { } badHeader)
        {
            return badHeader;
        }

        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var content = buffer.ToArray();
        var contentType = context.Request.ContentType is { Length: > 0 and <= 255 } sent ? sent : "application/octet-stream";
        if (XapiDocumentWrite.IsJson(contentType) && !IsJson(content))
        {
            return Problems.BadRequest("The body is not JSON, but Content-Type says application/json; nothing was stored.", "Content-Type");
        }

        var outcome = await cluster.ByKey<IXapiDocumentGrain>(target.Scope.Key)
            .Write(new XapiDocumentWrite(target.DocumentId!, content, contentType, merge, preconditions));
        return Answer(outcome, kind, target.DocumentId!);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        HttpContext context, IClusterClient cluster, IOptions<XapiOptions> options, XapiDocumentKind kind)
    {
        var caller = context.Caller();
        if (MayUse(caller, write: true) is { } denied)
        {
            return denied;
        }

        if (Resolve(context, kind, HttpMethods.Delete, options.Value.Base, out var target) is { } invalid)
        {
            return invalid;
        }

        if (MayTouch(caller, target, write: true, options.Value.Base) is { } refused)
        {
            return refused;
        }

        if (Preconditions(context.Request, required: false, out var preconditions) is { } badHeader)
        {
            return badHeader;
        }

        var documents = cluster.ByKey<IXapiDocumentGrain>(target.Scope.Key);
        if (target.DocumentId is null)
        {
            await documents.DeleteAll();
            return TypedResults.NoContent();
        }

        return Answer(await documents.Delete(target.DocumentId, preconditions), kind, target.DocumentId);
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> GetActivity(
        HttpContext context, IClusterClient cluster, IOptions<XapiOptions> options)
    {
        var caller = context.Caller();
        if (MayUse(caller, write: false) is { } denied)
        {
            return denied;
        }

        if (XapiParameters.TryRead(context.Request, ["activityId"], out var parameters) is { } invalid)
        {
            return invalid;
        }

        if (ActivityId(parameters["activityId"]) is { } badId)
        {
            return badId;
        }

        var activityId = parameters["activityId"]!;
        if (MayTouch(caller, new Target(XapiDocumentScope.ActivityProfile(activityId), null, null, null, activityId), write: false, options.Value.Base) is { } refused)
        {
            return refused;
        }

        var activity = new JsonObject { ["objectType"] = "Activity", ["id"] = activityId };
        if (await XapiActivities.DefinitionAsync(cluster, options.Value.Base, activityId) is { } definition)
        {
            activity["definition"] = definition;
        }

        return TypedResults.Ok(activity);
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> GetPerson(
        HttpContext context, IClusterClient cluster, IOptions<XapiOptions> options)
    {
        var caller = context.Caller();
        if (MayUse(caller, write: false) is { } denied)
        {
            return denied;
        }

        if (XapiParameters.TryRead(context.Request, ["agent"], out var parameters) is { } invalid)
        {
            return invalid;
        }

        if (parameters["agent"] is not { } text)
        {
            return Problems.BadRequest("agent is required: a JSON Agent object.", "agent");
        }

        XapiAgent agent;
        try
        {
            agent = XapiAgent.Parse(text, "agent", options.Value.Base);
        }
        catch (StatementParseException problem)
        {
            return Problems.BadRequest(problem.Message, problem.Field);
        }

        if (MayTouch(caller, new Target(XapiDocumentScope.AgentProfile(agent.Key), null, null, agent, null), write: false, options.Value.Base) is { } refused)
        {
            return refused;
        }

        // The Person holds what the request named, plus the platform learner's display name when the agent is one.
        var person = new JsonObject { ["objectType"] = "Person" };
        var names = new JsonArray();
        if (agent.Agent["name"] is { } name)
        {
            names.Add(name.GetValue<string>());
        }

        if (agent.LearnerId is { } learnerId && await cluster.ByKey<ILearnerGrain>(learnerId).GetProfile() is { } profile && !names.Any(n => n!.GetValue<string>() == profile.Name))
        {
            names.Add(profile.Name);
        }

        if (names.Count > 0)
        {
            person["name"] = names;
        }

        foreach (var ifi in (string[])["mbox", "mbox_sha1sum", "openid", "account"])
        {
            if (agent.Agent[ifi] is { } value)
            {
                person[ifi] = new JsonArray(value.DeepClone());
            }
        }

        return TypedResults.Ok(person);
    }

    /// <summary>The request's context and document id, validated (400 naming the parameter).</summary>
    private static ProblemHttpResult? Resolve(HttpContext context, XapiDocumentKind kind, string method, string platformBase, out Target target)
    {
        target = null!;
        var idName = IdName(kind);
        var isGet = method == HttpMethods.Get;
        List<string> allowed = kind switch
        {
            XapiDocumentKind.State => ["activityId", "agent", "registration", idName],
            XapiDocumentKind.ActivityProfile => ["activityId", idName],
            _ => ["agent", idName],
        };
        if (isGet)
        {
            allowed.Add("since");
        }

        if (XapiParameters.TryRead(context.Request, allowed, out var parameters) is { } invalid)
        {
            return invalid;
        }

        // Without an id: GET lists, a State DELETE deletes the whole context; everything else needs one.
        var documentId = parameters[idName];
        if (documentId is null && !(isGet || (kind == XapiDocumentKind.State && method == HttpMethods.Delete)))
        {
            return Problems.BadRequest($"{idName} is required.", idName);
        }

        if (documentId is { Length: 0 or > MaxDocumentIdLength })
        {
            return Problems.BadRequest($"{idName} must be 1 to {MaxDocumentIdLength} characters.", idName);
        }

        DateTimeOffset? since = null;
        if (parameters["since"] is { } sinceText)
        {
            if (documentId is not null)
            {
                return Problems.BadRequest($"since lists ids; it cannot be combined with {idName}.", "since");
            }

            if (!StatementParser.TryParseInstant(sinceText, out var instant))
            {
                return Problems.BadRequest("since must be an ISO 8601 timestamp with an offset, such as 2026-01-31T18:00:00Z.", "since");
            }

            since = instant;
        }

        string? activityId = null;
        if (kind != XapiDocumentKind.AgentProfile)
        {
            if (ActivityId(parameters["activityId"]) is { } badId)
            {
                return badId;
            }

            activityId = parameters["activityId"];
        }

        XapiAgent? agent = null;
        if (kind != XapiDocumentKind.ActivityProfile)
        {
            if (parameters["agent"] is not { } agentText)
            {
                return Problems.BadRequest("agent is required: a JSON Agent object.", "agent");
            }

            try
            {
                agent = XapiAgent.Parse(agentText, "agent", platformBase);
            }
            catch (StatementParseException problem)
            {
                return Problems.BadRequest(problem.Message, problem.Field);
            }
        }

        Guid? registration = null;
        if (parameters["registration"] is { } registrationText)
        {
            if (!Guid.TryParseExact(registrationText, "D", out var parsed))
            {
                return Problems.BadRequest("registration must be a UUID.", "registration");
            }

            registration = parsed;
        }

        var scope = kind switch
        {
            XapiDocumentKind.State => XapiDocumentScope.State(activityId!, agent!.Key, registration),
            XapiDocumentKind.ActivityProfile => XapiDocumentScope.ActivityProfile(activityId!),
            _ => XapiDocumentScope.AgentProfile(agent!.Key),
        };
        target = new Target(scope, documentId, since, agent, activityId);
        return null;
    }

    private static ProblemHttpResult? ActivityId(string? activityId) =>
        activityId is null ? Problems.BadRequest("activityId is required: the activity's IRI.", "activityId")
        : activityId.Length > MaxActivityIdLength || activityId.Any(char.IsControl) || !Uri.TryCreate(activityId, UriKind.Absolute, out _)
            ? Problems.BadRequest($"activityId must be an absolute IRI of at most {MaxActivityIdLength} characters.", "activityId")
        : null;

    /// <summary>Who may use the document resources at all: admins, learners (further limited by <see cref="MayTouch"/>) and keys with the scope.</summary>
    private static ProblemHttpResult? MayUse(Caller caller, bool write)
    {
        var scope = write ? Scopes.StatementsWrite : Scopes.StatementsRead;
        return caller.IsAdmin || caller.IsLearner || caller.HasScope(scope)
            ? null
            : Problems.Forbidden($"{(write ? "Writing" : "Reading")} xAPI documents needs the {scope} scope.");
    }

    /// <summary>
    /// A learner touches only their own agent's State and Agent Profile documents and reads (never writes)
    /// Activity Profiles; a key limited to some courses touches only documents of those courses' platform
    /// activities (so no Agent Profile).
    /// </summary>
    private static ProblemHttpResult? MayTouch(Caller caller, Target target, bool write, string platformBase)
    {
        if (caller.IsAdmin)
        {
            return null;
        }

        if (caller.IsLearner)
        {
            if (target.Agent is { } agent && agent.LearnerId != caller.Id)
            {
                return Problems.Forbidden("A learner uses only the documents of their own agent: {\"account\": {\"homePage\": \"<base>\", \"name\": \"<learnerId>\"}}.");
            }

            return write && target.Scope.Kind == XapiDocumentKind.ActivityProfile
                ? Problems.Forbidden($"Activity Profile documents are written by admins and API keys with {Scopes.StatementsWrite}.")
                : null;
        }

        if (caller.Courses is not null
            && (target.ActivityId is null || PlatformActivity.Parse(platformBase, target.ActivityId) is not { } activity || !caller.CoversCourse(activity.CourseId)))
        {
            return Problems.Forbidden("This API key is limited to some courses: it uses only documents of those courses' activities.");
        }

        return null;
    }

    /// <summary>If-Match and If-None-Match as lists of unquoted ETags (or "*"); a malformed value is a 400.</summary>
    private static ProblemHttpResult? Preconditions(HttpRequest request, bool required, out XapiPreconditions preconditions)
    {
        preconditions = XapiPreconditions.None;
        if (!TryTags(request, "If-Match", out var ifMatch))
        {
            return Problems.BadRequest("If-Match must hold quoted ETags or *.", "If-Match");
        }

        if (!TryTags(request, "If-None-Match", out var ifNoneMatch))
        {
            return Problems.BadRequest("If-None-Match must hold quoted ETags or *.", "If-None-Match");
        }

        preconditions = new XapiPreconditions(ifMatch, ifNoneMatch, required);
        return null;
    }

    private static bool TryTags(HttpRequest request, string header, out IReadOnlyList<string>? tags)
    {
        tags = null;
        if (!request.Headers.TryGetValue(header, out var values))
        {
            return true;
        }

        var list = new List<string>();
        foreach (var part in values.SelectMany(v => (v ?? string.Empty).Split(',')))
        {
            var tag = part.Trim();
            if (tag.StartsWith("W/", StringComparison.Ordinal))
            {
                tag = tag[2..];
            }

            if (tag.Length >= 2 && tag[0] == '"' && tag[^1] == '"')
            {
                tag = tag[1..^1];
            }

            if (tag.Length is 0 or > 128)
            {
                return false;
            }

            list.Add(tag.ToLowerInvariant());
        }

        tags = list;
        return true;
    }

    private static Results<NoContent, ProblemHttpResult> Answer(XapiDocumentOutcome outcome, XapiDocumentKind kind, string documentId) => outcome switch
    {
        XapiDocumentOutcome.Done => TypedResults.NoContent(),
        XapiDocumentOutcome.PreconditionFailed => TypedResults.Problem(
            detail: $"If-Match or If-None-Match does not hold for {IdName(kind)} '{documentId}': it changed, or exists, since the client last read it. Nothing changed.",
            statusCode: StatusCodes.Status412PreconditionFailed,
            title: "Precondition failed."),
        XapiDocumentOutcome.PreconditionRequired => Problems.Conflict(
            $"{IdName(kind)} '{documentId}' exists: GET it to check its current state, then PUT with If-Match set to its ETag (or If-None-Match: * to create only). Nothing changed.",
            "If-Match"),
        XapiDocumentOutcome.NotMergeable => Problems.BadRequest(
            $"POST merges JSON objects: the stored and the posted {IdName(kind)} '{documentId}' must both be application/json objects. Nothing changed.",
            "Content-Type"),
        _ => Problems.Conflict($"This context holds {XapiDocumentWrite.MaxDocumentsPerContext} documents, the most it may; delete some first. Nothing changed.", IdName(kind)),
    };

    private static bool IsJson(byte[] content)
    {
        try
        {
            using var _ = JsonDocument.Parse(content);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string IdName(XapiDocumentKind kind) => kind == XapiDocumentKind.State ? "stateId" : "profileId";

    private static string Quote(string etag) => $"\"{etag}\"";

    private sealed record Target(XapiDocumentScope Scope, string? DocumentId, DateTimeOffset? Since, XapiAgent? Agent, string? ActivityId);
}
