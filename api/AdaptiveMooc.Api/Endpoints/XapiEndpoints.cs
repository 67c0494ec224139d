using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AdaptiveMooc.Api.Contracts;
using AdaptiveMooc.Api.Http;
using AdaptiveMooc.Api.Security;
using AdaptiveMooc.Api.Xapi;
using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Courses;
using AdaptiveMooc.Grains.Abstractions.Statements;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace AdaptiveMooc.Api.Endpoints;

/// <summary>
/// The Statement Resource of the xAPI 1.0.3 LRS at <c>/xapi</c> (docs/XAPI.md): PUT, POST, GET by id and by
/// query, voiding, attachments (<c>multipart/mixed</c>) and signed statements. Every valid statement is stored;
/// <see cref="XapiInterpreter"/> says which ones the platform interprets.
/// </summary>
public static partial class XapiEndpoints
{
    public const string VersionHeader = "X-Experience-API-Version";
    public const string ConsistentThroughHeader = "X-Experience-API-Consistent-Through";
    public const string Version = "1.0.3";

    private static readonly HashSet<string> SingleStatementParameters = new(["statementId", "voidedStatementId", "attachments", "format"], StringComparer.Ordinal);

    private static readonly HashSet<string> QueryParameters = new(
        ["agent", "verb", "activity", "registration", "related_activities", "related_agents", "since", "until", "limit", "format", "attachments", "ascending", "after"],
        StringComparer.Ordinal);

    public static IEndpointRouteBuilder MapXapiEndpoints(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var group = routes.MapGroup("/xapi").WithTags("xAPI").AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            http.Response.Headers[VersionHeader] = Version;
            if (http.Request.Path.StartsWithSegments("/xapi/statements", StringComparison.OrdinalIgnoreCase))
            {
                http.Response.Headers[ConsistentThroughHeader] = FormatInstant(http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow());
            }

            if (!http.Request.Path.StartsWithSegments("/xapi/about", StringComparison.OrdinalIgnoreCase)
                && !IsSupportedVersion(http.Request.Headers[VersionHeader].ToString()))
            {
                return Problems.BadRequest($"The {VersionHeader} header is required and must be 1.0.x (e.g. {Version}).", VersionHeader);
            }

            return await next(context);
        });
        group.MapPost("/statements", Post).WithName("PostStatements")
            .WithSummary("Stores one statement or an array (all or nothing); application/json or multipart/mixed with attachments. 200 with the ids.");
        group.MapPut("/statements", Put).WithName("PutStatement")
            .WithSummary("Stores one statement under ?statementId= (204; 409 when that id holds other content).");
        group.MapMethods("/statements", ["GET", "HEAD"], Get).WithName("GetStatements")
            .WithSummary("One statement by statementId / voidedStatementId, or a StatementResult for the xAPI query parameters.");
        group.MapGet("/about", About).WithName("XapiAbout").AllowAnonymous();
        group.MapXapiDocumentEndpoints();
        return routes;
    }

    /// <summary>1.0.0 to 1.0.x: the versions this LRS accepts in <c>X-Experience-API-Version</c>.</summary>
    public static bool IsSupportedVersion(string? header) => header is not null && SupportedVersion().IsMatch(header);

    private static Ok<AboutResponse> About() => TypedResults.Ok(new AboutResponse([Version]));

    private static async Task<Results<Ok<IReadOnlyList<Guid>>, ProblemHttpResult>> Post(
        HttpContext context, IClusterClient cluster, IOptions<XapiOptions> options, TimeProvider clock, StatementQuota quota, XapiInterpreter interpreter)
    {
        var caller = context.Caller();
        if (context.Request.Query.Count > 0)
        {
            return Problems.BadRequest($"POST /xapi/statements takes no query parameters ('{context.Request.Query.Keys.First()}').", context.Request.Query.Keys.First());
        }

        var stored = await Store(context, caller, cluster, options.Value, clock, quota, interpreter, null);
        return stored.Problem is { } problem ? problem : TypedResults.Ok(stored.Ids!);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Put(
        HttpContext context, IClusterClient cluster, IOptions<XapiOptions> options, TimeProvider clock, StatementQuota quota, XapiInterpreter interpreter)
    {
        var caller = context.Caller();
        if (context.Request.Query.Keys.FirstOrDefault(k => k != "statementId") is { } other)
        {
            return Problems.BadRequest($"PUT /xapi/statements takes statementId only, not '{other}'.", other);
        }

        if (context.Request.Query["statementId"].ToString() is not { Length: > 0 } text || !XapiStatementValidator.IsUuid(text))
        {
            return Problems.BadRequest("statementId is required and must be a UUID.", "statementId");
        }

        var stored = await Store(context, caller, cluster, options.Value, clock, quota, interpreter, Guid.Parse(text));
        return stored.Problem is { } problem ? problem : TypedResults.NoContent();
    }

    private sealed record StoreOutcome(IReadOnlyList<Guid>? Ids, ProblemHttpResult? Problem);

    private static async Task<StoreOutcome> Store(
        HttpContext context, Caller caller, IClusterClient cluster, XapiOptions options, TimeProvider clock, StatementQuota quota,
        XapiInterpreter interpreter, Guid? putId)
    {
        if (!(caller.IsAdmin || caller.IsTrainer || caller.IsLearner || caller.HasScope(Scopes.StatementsWrite)))
        {
            return new(null, Problems.Forbidden($"Posting statements needs the {Scopes.StatementsWrite} scope."));
        }

        var body = await XapiBody.ReadAsync(context.Request, context.RequestAborted);
        if (body.Problem is { } bodyProblem)
        {
            return new(null, bodyProblem);
        }

        using var document = body.Json!;
        var root = document.RootElement;
        if (putId is { } id)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new(null, Problems.BadRequest("PUT takes one statement object.", "body"));
            }

            if (root.TryGetProperty("id", out var bodyId) && !(bodyId.ValueKind == JsonValueKind.String && Guid.TryParse(bodyId.GetString(), out var g) && g == id))
            {
                return new(null, Problems.BadRequest("The statement's id differs from statementId.", "id"));
            }

            if (!root.TryGetProperty("id", out _))
            {
                var withId = JsonNode.Parse(root.GetRawText())!.AsObject();
                withId["id"] = id.ToString("D");
                return await StoreParsed(JsonDocument.Parse(withId.ToJsonString()), body, context, caller, cluster, options, clock, quota, interpreter);
            }
        }

        return await StoreParsed(null, body, context, caller, cluster, options, clock, quota, interpreter);
    }

    private static async Task<StoreOutcome> StoreParsed(
        JsonDocument? replaced, XapiBody body, HttpContext context, Caller caller, IClusterClient cluster, XapiOptions options, TimeProvider clock,
        StatementQuota quota, XapiInterpreter interpreter)
    {
        using var owned = replaced;
        var root = (replaced ?? body.Json!).RootElement;
        var now = clock.GetUtcNow();
        IReadOnlyList<ParsedStatement> parsed;
        try
        {
            parsed = new StatementParser(options.Base, now, Authority(caller, options.Base)).Parse(root);
        }
        catch (StatementParseException problem)
        {
            return new(null, Problems.BadRequest(problem.Message, problem.Field));
        }

        if (XapiAttachments.Check(parsed, body.Parts) is { } attachmentProblem)
        {
            return new(null, attachmentProblem);
        }

        if (await VoidingProblem(parsed, cluster) is { } voidingProblem)
        {
            return new(null, voidingProblem);
        }

        parsed = await interpreter.InterpretAsync(parsed, context.RequestAborted);
        foreach (var statement in parsed.Where(s => s.Record.IsInterpreted && s.HasTimestamp))
        {
            if (statement.Record.Timestamp > now + StatementParser.FutureTolerance)
            {
                var at = root.ValueKind == JsonValueKind.Array ? $"[{statement.Index}]." : string.Empty;
                return new(null, Problems.BadRequest($"{at}timestamp is in the future; the platform interprets this statement and takes its time as when it happened.", at + "timestamp"));
            }
        }

        if (await Authorize(caller, parsed, cluster) is { } denied)
        {
            return new(null, denied);
        }

        if (await PaidCourseProblem(parsed, cluster) is { } locked)
        {
            return new(null, locked);
        }

        // One request, one answer per id: a repeated id must repeat the same statement. Each record says
        // whether its source may grade (everyone allowed this far but a learner), for whoever reads it later.
        var fromGrader = !caller.IsLearner;
        var unique = new List<StatementRecord>(parsed.Count);
        var firstById = new Dictionary<Guid, ParsedStatement>();
        foreach (var statement in parsed)
        {
            if (firstById.TryGetValue(statement.Record.Id, out var first))
            {
                if (first.Record.ContentHash != statement.Record.ContentHash)
                {
                    return new(null, Problems.Conflict($"[{statement.Index}].id repeats [{first.Index}].id with other content; nothing was stored.", $"[{statement.Index}].id"));
                }

                continue;
            }

            firstById[statement.Record.Id] = statement;
            unique.Add(statement.Record with { FromGrader = fromGrader });
        }

        // Each interpreted learner must have room under the storage quota (the learner grain's count; StatementQuota
        // says when it must be asked). Requests racing each other may overshoot the quota by at most one request each.
        var adding = unique.Where(r => r.IsInterpreted).CountBy(r => r.LearnerId).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        foreach (var (learnerId, count) in adding)
        {
            if (await quota.CheckAsync(cluster, learnerId, count) is { Fits: false } check)
            {
                var first = parsed.First(s => s.Record.LearnerId == learnerId);
                var field = root.ValueKind == JsonValueKind.Object ? "actor.account.name" : $"[{first.Index}].actor.account.name";
                return new(null, Problems.QuotaExceeded(
                    $"Learner '{learnerId}' holds {check.Held} statements; {count} more would pass the storage quota of {quota.Limit} statements per learner. Nothing was stored.",
                    field));
            }
        }

        var ingest = cluster.ByKey<IStatementIngestGrain>(0);
        var result = body.Parts.Count > 0 ? await ingest.IngestWithAttachments(unique, body.Parts) : await ingest.Ingest(unique);
        if (result.Status == IngestStatus.Conflict)
        {
            return new(null, Problems.Conflict($"Statement {result.ConflictingId} was stored before with other content; nothing of this request was stored.", "id"));
        }

        foreach (var (learnerId, count) in adding)
        {
            quota.Added(learnerId, count);
        }

        return new([.. parsed.Select(s => s.Record.Id)], null);
    }

    /// <summary>The authority the LRS writes into every statement it stores: the credentials that sent it, as an Agent.</summary>
    internal static JsonObject Authority(Caller caller, string baseUrl)
    {
        var name = caller.IsApiKey ? "api-key:" + caller.Id : caller.IsAdmin ? "admin:" + caller.Id : caller.IsTrainer ? "trainer:" + caller.Id : caller.Id;
        return new JsonObject
        {
            ["objectType"] = "Agent",
            ["account"] = new JsonObject { ["homePage"] = baseUrl, ["name"] = name },
        };
    }

    /// <summary>A voiding statement cannot target another voiding statement (xAPI 1.0.3 Data 2.3.2): 400, nothing stored.</summary>
    private static async Task<ProblemHttpResult?> VoidingProblem(IReadOnlyList<ParsedStatement> statements, IClusterClient cluster)
    {
        var voidingIds = statements.Where(s => s.Record.Index!.Voiding).Select(s => s.Record.Id).ToHashSet();
        foreach (var statement in statements.Where(s => s.Record.Index!.Voiding))
        {
            var target = statement.Record.Index!.StatementRef!.Value;
            if (voidingIds.Contains(target)
                || await cluster.ByKey<IStatementQueryGrain>(0).Find(target) is { } stored && (stored.Statement.Index?.Voiding ?? stored.Statement.Verb == XapiIndexer.VoidedVerb))
            {
                return Problems.BadRequest($"[{statement.Index}]: statement {target:D} is itself a voiding statement and cannot be voided.", "object.id");
            }
        }

        return null;
    }

    /// <summary>
    /// The paid-course rule (CourseAccess, docs/PAYMENTS.md): statements about a paid course's activities are
    /// refused (403, nothing stored) for a learner without access, whoever posts them, so a refunded learner
    /// keeps the history stored so far and makes no new progress, mastery or certificate in that course.
    /// </summary>
    private static async Task<ProblemHttpResult?> PaidCourseProblem(IReadOnlyList<ParsedStatement> statements, IClusterClient cluster)
    {
        foreach (var byCourse in statements.Where(s => s.Record.CourseId is not null).GroupBy(s => s.Record.CourseId!))
        {
            if (await cluster.ByKey<ICourseGrain>(byCourse.Key).GetPricing() is not { IsPaid: true })
            {
                continue;
            }

            foreach (var statement in byCourse.DistinctBy(s => s.Record.LearnerId))
            {
                if (!await CourseAccess.PaidCourseAccessAsync(cluster, byCourse.Key, statement.Record.LearnerId))
                {
                    return Problems.Forbidden(
                        $"[{statement.Index}]: course '{byCourse.Key}' is paid and learner '{statement.Record.LearnerId}' has no access to it; nothing was stored.");
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Learners post only about themselves (the actor must map to them) and never grade themselves: a passed,
    /// failed or completed verb, or a success, completion or score, on a quiz or assignment (or a quiz item) needs
    /// a grader. Graders write only about courses they are allowed on: a trainer about the courses they own or
    /// co-teach, an API key limited to some courses about those; admins and unlimited keys about any.
    /// </summary>
    private static async Task<ProblemHttpResult?> Authorize(Caller caller, IReadOnlyList<ParsedStatement> statements, IClusterClient cluster)
    {
        if (caller.IsAdmin)
        {
            return null;
        }

        if (!caller.IsLearner)
        {
            foreach (var statement in statements.Where(s => s.Record.CourseId is not null).DistinctBy(s => s.Record.CourseId))
            {
                var courseId = statement.Record.CourseId!;
                var allowed = caller.IsTrainer
                    ? await cluster.ByKey<ICourseGrain>(courseId).Get() is { } course && course.IsTaughtBy(caller.Id)
                    : caller.CoversCourse(courseId);
                if (!allowed)
                {
                    return Problems.Forbidden(
                        $"[{statement.Index}]: statements about course '{courseId}' come from its trainers, admins and API keys allowed on it; nothing was stored.");
                }
            }

            return null;
        }

        foreach (var statement in statements)
        {
            if (statement.Record.LearnerId != caller.Id)
            {
                return Problems.Forbidden($"[{statement.Index}]: a learner posts statements about themselves only (actor: their platform account or verified e-mail).");
            }
        }

        foreach (var statement in statements.Where(s => s.IsGradedClaim && s.Record.CourseId is not null && s.Record.LessonId is not null))
        {
            var course = await cluster.ByKey<ICourseGrain>(statement.Record.CourseId!).Get();
            var lesson = course?.Definition.AllLessons().FirstOrDefault(l => l.Id == statement.Record.LessonId);
            if (lesson is not null && (statement.Record.ItemId is not null || LessonKinds.IsGraded(lesson.Kind)))
            {
                return Problems.Forbidden(
                    $"[{statement.Index}]: graded results (passed, failed, completed, result.success, result.completion, result.score) on a quiz or assignment come from graders (API keys, trainers, admins), not from the learner's own token.");
            }
        }

        return null;
    }

    private static async Task<IResult> Get(HttpContext context, IClusterClient cluster, IOptions<XapiOptions> options)
    {
        var caller = context.Caller();
        var query = context.Request.Query;

        // Parameter names are case-sensitive: one that matches a known name in all but case is refused, as is any other unknown one.
        if (query.Keys.FirstOrDefault(k => !QueryParameters.Contains(k) && !SingleStatementParameters.Contains(k)) is { } unknown)
        {
            return Problems.BadRequest($"'{unknown}' is not a parameter of GET /xapi/statements.", unknown);
        }

        if (!caller.IsLearner && !caller.HasScope(Scopes.StatementsRead))
        {
            return Problems.Forbidden($"Reading statements needs the {Scopes.StatementsRead} scope.");
        }

        var format = query["format"].ToString() is { Length: > 0 } f ? f : "exact";
        if (format is not ("exact" or "ids" or "canonical"))
        {
            return Problems.BadRequest("format must be ids, exact or canonical.", "format");
        }

        if (!TryBool(query, "attachments", out var withAttachments) || !TryBool(query, "ascending", out var ascending)
            || !TryBool(query, "related_activities", out var relatedActivities) || !TryBool(query, "related_agents", out var relatedAgents))
        {
            var name = new[] { "attachments", "ascending", "related_activities", "related_agents" }.First(n => !TryBool(query, n, out _));
            return Problems.BadRequest($"{name} must be true or false.", name);
        }

        var shape = new XapiFormat(format, context.Request.Headers.AcceptLanguage.ToString());
        if (query.ContainsKey("statementId") || query.ContainsKey("voidedStatementId"))
        {
            return await GetOne(context, caller, cluster, shape, withAttachments);
        }

        if (!int.TryParse(query["limit"].ToString() is { Length: > 0 } l ? l : "0", NumberStyles.None, CultureInfo.InvariantCulture, out var limit))
        {
            return Problems.BadRequest("limit must be a non-negative integer (0: the server's maximum).", "limit");
        }

        var take = limit is 0 or > Paging.MaxLimit ? Paging.MaxLimit : limit;
        string? agentKey = null;
        if (query["agent"].ToString() is { Length: > 0 } agent)
        {
            try
            {
                using var document = JsonDocument.Parse(agent);
                XapiStatementValidator.Agent(document.RootElement, "agent", allowGroup: true);
                agentKey = XapiIndexer.KeyOf(document.RootElement)
                    ?? throw new StatementParseException("agent", "agent must be an Agent or identified Group (with an mbox, mbox_sha1sum, openid or account).");
            }
            catch (JsonException)
            {
                return Problems.BadRequest("agent must be a JSON Agent or Group object (URL-encoded).", "agent");
            }
            catch (StatementParseException problem)
            {
                return Problems.BadRequest(problem.Message, problem.Field);
            }
        }

        // A learner reads their own statements only; naming another platform learner finds nobody (as before the LRS).
        if (caller.IsLearner && agentKey is not null && agentKey.StartsWith(XapiIndexer.AccountKey(options.Value.Base, string.Empty), StringComparison.Ordinal)
            && agentKey != XapiIndexer.AccountKey(options.Value.Base, caller.Id))
        {
            return Problems.NotFound("No such learner among the caller's statements.");
        }

        foreach (var iri in (string[])["verb", "activity"])
        {
            if (query[iri].ToString() is { Length: > 0 } value && !XapiStatementValidator.IsIri(value))
            {
                return Problems.BadRequest($"{iri} must be an IRI of at most 2048 characters.", iri);
            }
        }

        Guid? registration = null;
        if (query["registration"].ToString() is { Length: > 0 } r)
        {
            if (!XapiStatementValidator.IsUuid(r))
            {
                return Problems.BadRequest("registration must be a UUID.", "registration");
            }

            registration = Guid.Parse(r);
        }

        DateTimeOffset? since = null, until = null;
        foreach (var name in (string[])["since", "until"])
        {
            if (query[name].ToString() is { Length: > 0 } text)
            {
                if (!StatementParser.TryParseInstant(text, out var instant))
                {
                    return Problems.BadRequest($"{name} must be an ISO 8601 timestamp with an offset.", name);
                }

                if (name == "since")
                {
                    since = instant;
                }
                else
                {
                    until = instant;
                }
            }
        }

        long? afterSequence = null;
        if (query["after"].ToString() is { Length: > 0 } after)
        {
            if (!Paging.TryDecode(after, out var position) || !long.TryParse(position, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
            {
                return Problems.BadRequest("after is not a cursor this LRS returned in 'more'.", "after");
            }

            afterSequence = sequence;
        }

        var statementQuery = new StatementQuery(
            caller.IsLearner ? caller.Id : null,
            query["activity"].ToString() is { Length: > 0 } a ? a : null,
            query["verb"].ToString() is { Length: > 0 } v ? v : null,
            since, until, take, afterSequence, ascending, agentKey, relatedAgents, relatedActivities, registration);
        var page = await cluster.ByKey<IStatementQueryGrain>(0).Query(statementQuery);
        var statements = new JsonArray([.. page.Statements.Select(s => (JsonNode)shape.Apply(ToJson(s)))]);
        var more = page.NextSequence is { } next ? MoreUrl(context.Request, Paging.Encode(next.ToString(CultureInfo.InvariantCulture))) : string.Empty;
        var result = new JsonObject { ["statements"] = statements, ["more"] = more };
        return withAttachments
            ? await XapiAttachments.MultipartResult(result, page.Statements, cluster)
            : TypedResults.Json(result, statusCode: StatusCodes.Status200OK);
    }

    /// <summary>
    /// xAPI 1.0.3 single-statement GET: the statement itself (not a StatementResult), 404 when there is none the
    /// caller may see. <c>statementId</c> never returns a voided statement; <c>voidedStatementId</c> returns only one.
    /// </summary>
    private static async Task<IResult> GetOne(HttpContext context, Caller caller, IClusterClient cluster, XapiFormat shape, bool withAttachments)
    {
        var query = context.Request.Query;
        var statementId = query["statementId"].ToString();
        var voidedStatementId = query["voidedStatementId"].ToString();
        if (query.ContainsKey("statementId") && query.ContainsKey("voidedStatementId"))
        {
            return Problems.BadRequest("Send statementId or voidedStatementId, not both.", "voidedStatementId");
        }

        var field = query.ContainsKey("statementId") ? "statementId" : "voidedStatementId";
        if (query.Keys.FirstOrDefault(k => !SingleStatementParameters.Contains(k)) is { } other)
        {
            return Problems.BadRequest($"{other} cannot be combined with {field} (only attachments and format can).", other);
        }

        var text = field == "statementId" ? statementId : voidedStatementId;
        if (!XapiStatementValidator.IsUuid(text))
        {
            return Problems.BadRequest($"{field} must be a UUID.", field);
        }

        var id = Guid.Parse(text);
        var stored = await cluster.ByKey<IStatementQueryGrain>(0).Find(id);

        // Another learner's statement is reported as missing, not forbidden: its existence is not the caller's business.
        if (stored is null || (caller.IsLearner && stored.Statement.LearnerId != caller.Id) || stored.Voided != (field == "voidedStatementId"))
        {
            return Problems.NotFound(field == "statementId" ? $"No statement {id:D} (or it was voided: ask with voidedStatementId)." : $"No voided statement {id:D}.");
        }

        context.Response.Headers.LastModified = stored.Stored.ToUniversalTime().ToString("R", CultureInfo.InvariantCulture);
        var json = shape.Apply(ToJson(stored));
        return withAttachments ? await XapiAttachments.MultipartResult(json, [stored], cluster) : TypedResults.Json(json, statusCode: StatusCodes.Status200OK);
    }

    private static bool TryBool(IQueryCollection query, string name, out bool value)
    {
        value = false;
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            return true;
        }

        return text switch
        {
            "true" => value = true,
            "false" => true,
            _ => false,
        };
    }

    internal static JsonObject ToJson(StoredStatement stored)
    {
        var json = JsonNode.Parse(stored.Statement.Json)!.AsObject();
        json["stored"] = FormatInstant(stored.Stored);
        json["version"] ??= "1.0.0";
        return json;
    }

    private static string FormatInstant(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static string MoreUrl(HttpRequest request, string cursor)
    {
        var query = request.Query
            .Where(kv => !string.Equals(kv.Key, "after", StringComparison.Ordinal))
            .SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string?>(kv.Key, v)))
            .Append(new KeyValuePair<string, string?>("after", cursor));
        return "/xapi/statements" + QueryString.Create(query).ToUriComponent();
    }

    [GeneratedRegex(@"^1\.0(\.\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex SupportedVersion();
}
