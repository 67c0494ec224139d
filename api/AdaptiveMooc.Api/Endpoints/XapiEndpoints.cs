using AdaptiveMooc.Grains.Abstractions.Common;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AdaptiveMooc.Api.Contracts;
using AdaptiveMooc.Api.Http;
using AdaptiveMooc.Api.Security;
using AdaptiveMooc.Api.Xapi;
using AdaptiveMooc.Grains.Abstractions.Courses;
using AdaptiveMooc.Grains.Abstractions.Learners;
using AdaptiveMooc.Grains.Abstractions.Statements;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace AdaptiveMooc.Api.Endpoints;

public static class XapiEndpoints
{
    public const string VersionHeader = "X-Experience-API-Version";
    public const string Version = "1.0.3";

    private static readonly HashSet<string> SingleStatementParameters =
        new(["statementId", "voidedStatementId", "attachments", "format"], StringComparer.OrdinalIgnoreCase);

    public static IEndpointRouteBuilder MapXapiEndpoints(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var group = routes.MapGroup("/xapi").WithTags("xAPI").AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            http.Response.Headers[VersionHeader] = Version;
            if (!http.Request.Path.StartsWithSegments("/xapi/about", StringComparison.OrdinalIgnoreCase)
                && (http.Request.Headers[VersionHeader].ToString() is not { Length: > 0 } version || !version.StartsWith("1.0", StringComparison.Ordinal)))
            {
                return Problems.BadRequest($"The {VersionHeader} header is required (1.0.x, e.g. {Version}).", VersionHeader);
            }

            return await next(context);
        });
        group.MapPost("/statements", Post).WithName("PostStatements");
        group.MapGet("/statements", Get).WithName("GetStatements");
        group.MapGet("/about", About).WithName("XapiAbout").AllowAnonymous();
        group.MapXapiDocumentEndpoints();
        return routes;
    }

    private static Ok<AboutResponse> About() => TypedResults.Ok(new AboutResponse([Version]));

    private static async Task<Results<Ok<IReadOnlyList<Guid>>, ProblemHttpResult>> Post(
        JsonElement body, HttpContext context, IClusterClient cluster, IOptions<XapiOptions> options, TimeProvider clock, StatementQuota quota)
    {
        var caller = context.Caller();
        if (!(caller.IsAdmin || caller.IsTrainer || caller.IsLearner || caller.HasScope(Scopes.StatementsWrite)))
        {
            return Problems.Forbidden($"Posting statements needs the {Scopes.StatementsWrite} scope.");
        }

        IReadOnlyList<ParsedStatement> parsed;
        try
        {
            parsed = new StatementParser(options.Value.Base, clock.GetUtcNow()).Parse(body);
        }
        catch (StatementParseException problem)
        {
            return Problems.BadRequest(problem.Message, problem.Field);
        }

        if (await Authorize(caller, parsed, cluster) is { } denied)
        {
            return denied;
        }

        if (await PaidCourseProblem(parsed, cluster) is { } locked)
        {
            return locked;
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
                    return Problems.Conflict($"[{statement.Index}].id repeats [{first.Index}].id with other content; nothing was stored.", $"[{statement.Index}].id");
                }

                continue;
            }

            firstById[statement.Record.Id] = statement;
            unique.Add(statement.Record with { FromGrader = fromGrader });
        }

        // Each learner of the request must be registered and have room under the storage quota (the learner
        // grain's count; StatementQuota says when it must be asked). Requests racing each other may overshoot
        // the quota by at most one request each.
        var learners = parsed.DistinctBy(s => s.Record.LearnerId).ToList();
        var adding = unique.CountBy(r => r.LearnerId).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        var checks = await Task.WhenAll(learners.Select(s => quota.CheckAsync(cluster, s.Record.LearnerId, adding[s.Record.LearnerId])));
        for (var i = 0; i < learners.Count; i++)
        {
            var learnerId = learners[i].Record.LearnerId;
            var field = parsed.Count == 1 && body.ValueKind == JsonValueKind.Object ? "actor.account.name" : $"[{learners[i].Index}].actor.account.name";
            if (checks[i] is not { } check)
            {
                return Problems.BadRequest($"Learner '{learnerId}' is not registered; nothing was stored.", field);
            }

            if (!check.Fits)
            {
                return Problems.QuotaExceeded(
                    $"Learner '{learnerId}' holds {check.Held} statements; {adding[learnerId]} more would pass the storage quota of {quota.Limit} statements per learner. Nothing was stored.",
                    field);
            }
        }

        var result = await cluster.ByKey<IStatementIngestGrain>(0).Ingest(unique);
        if (result.Status == IngestStatus.Conflict)
        {
            return Problems.Conflict($"Statement {result.ConflictingId} was stored before with other content; nothing of this request was stored.", "id");
        }

        foreach (var (learnerId, count) in adding)
        {
            quota.Added(learnerId, count);
        }

        return TypedResults.Ok<IReadOnlyList<Guid>>([.. parsed.Select(s => s.Record.Id)]);
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
    /// Learners post only about themselves and never grade themselves: a passed, failed or completed verb,
    /// or a success, completion or score, on a quiz or assignment (or a quiz item) needs a grader. Graders
    /// write only about courses they are allowed on: a trainer about the courses they own or co-teach, an
    /// API key limited to some courses about those; admins and unlimited keys about any.
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
                return Problems.Forbidden($"[{statement.Index}]: a learner posts statements about themselves only.");
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

    private static async Task<Results<Ok<StatementResult>, Ok<JsonObject>, ProblemHttpResult>> Get(
        HttpContext context, IClusterClient cluster, IOptions<XapiOptions> options,
        string? agent, string? activity, string? verb, string? since, string? until, int? limit, string? after, bool? ascending,
        string? statementId, string? voidedStatementId)
    {
        var caller = context.Caller();
        if (statementId is not null || voidedStatementId is not null)
        {
            return await GetOne(context, caller, cluster, statementId, voidedStatementId);
        }

        if (Paging.CheckLimit(limit) is { } limitProblem)
        {
            return Problems.BadRequest(limitProblem, "limit");
        }

        string? learnerId = null;
        if (agent is not null)
        {
            try
            {
                using var document = JsonDocument.Parse(agent);
                learnerId = new StatementParser(options.Value.Base, DateTimeOffset.UtcNow).ParseActor(document.RootElement, "agent");
            }
            catch (JsonException)
            {
                return Problems.BadRequest("agent must be a JSON agent object (URL-encoded).", "agent");
            }
            catch (StatementParseException problem)
            {
                return Problems.BadRequest(problem.Message, problem.Field);
            }
        }

        if (caller.IsLearner)
        {
            if (learnerId is not null && learnerId != caller.Id)
            {
                return Problems.NotFound($"Learner '{learnerId}' does not exist.");
            }

            learnerId = caller.Id;
        }
        else if (!caller.HasScope(Scopes.StatementsRead))
        {
            return Problems.Forbidden($"Reading statements needs the {Scopes.StatementsRead} scope.");
        }

        DateTimeOffset? sinceInstant = null, untilInstant = null;
        if (since is not null)
        {
            if (!StatementParser.TryParseInstant(since, out var s))
            {
                return Problems.BadRequest("since must be an ISO 8601 instant with an offset.", "since");
            }

            sinceInstant = s;
        }

        if (until is not null)
        {
            if (!StatementParser.TryParseInstant(until, out var u))
            {
                return Problems.BadRequest("until must be an ISO 8601 instant with an offset.", "until");
            }

            untilInstant = u;
        }

        if (activity is { Length: > 2048 } || verb is { Length: > 2048 })
        {
            return Problems.BadRequest("activity and verb are IRIs of at most 2048 characters.", activity is { Length: > 2048 } ? "activity" : "verb");
        }

        long? afterSequence = null;
        if (after is not null)
        {
            if (!Paging.TryDecode(after, out var position) || !long.TryParse(position, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
            {
                return Problems.BadRequest("after is not a cursor this API returned.", "after");
            }

            afterSequence = sequence;
        }

        var take = limit ?? Paging.DefaultLimit;
        var query = new StatementQuery(learnerId, activity, verb, sinceInstant, untilInstant, take, afterSequence, ascending ?? false);
        var page = await cluster.ByKey<IStatementQueryGrain>(0).Query(query);
        var statements = page.Statements.Select(ToJson).ToList();
        var more = page.NextSequence is { } next ? MoreUrl(context.Request, Paging.Encode(next.ToString(CultureInfo.InvariantCulture))) : string.Empty;
        return TypedResults.Ok(new StatementResult(statements, more));
    }

    /// <summary>
    /// xAPI 1.0.3 single-statement GET: the statement itself (not a StatementResult), 404 when there is
    /// none the caller may see. This store accepts only Activity objects, so no statement can void another:
    /// <c>voidedStatementId</c> is answered (validated, authorised) but never finds a voided statement.
    /// </summary>
    private static async Task<Results<Ok<StatementResult>, Ok<JsonObject>, ProblemHttpResult>> GetOne(
        HttpContext context, Caller caller, IClusterClient cluster, string? statementId, string? voidedStatementId)
    {
        var field = statementId is not null ? "statementId" : "voidedStatementId";
        if (statementId is not null && voidedStatementId is not null)
        {
            return Problems.BadRequest("Send statementId or voidedStatementId, not both.", "voidedStatementId");
        }

        // The specification allows only attachments and format beside a statement id.
        if (context.Request.Query.Keys.FirstOrDefault(k => !SingleStatementParameters.Contains(k)) is { } other)
        {
            return Problems.BadRequest($"{other} cannot be combined with {field} (only attachments and format can).", other);
        }

        if (!Guid.TryParse(statementId ?? voidedStatementId, out var id))
        {
            return Problems.BadRequest($"{field} must be a UUID.", field);
        }

        if (!caller.IsLearner && !caller.HasScope(Scopes.StatementsRead))
        {
            return Problems.Forbidden($"Reading statements needs the {Scopes.StatementsRead} scope.");
        }

        if (voidedStatementId is not null)
        {
            return Problems.NotFound($"No voided statement {id:D}: this LRS stores no voiding statements.");
        }

        var stored = await cluster.ByKey<IStatementQueryGrain>(0).Find(id);

        // Another learner's statement is reported as missing, not forbidden: its existence is not the caller's business.
        if (stored is null || (caller.IsLearner && stored.Statement.LearnerId != caller.Id))
        {
            return Problems.NotFound($"No statement {id:D}.");
        }

        return TypedResults.Ok(ToJson(stored));
    }

    private static JsonObject ToJson(StoredStatement stored)
    {
        var json = JsonNode.Parse(stored.Statement.Json)!.AsObject();
        json["stored"] = stored.Stored.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        json["version"] = Version;
        return json;
    }

    private static string MoreUrl(HttpRequest request, string cursor)
    {
        var query = request.Query
            .Where(kv => !string.Equals(kv.Key, "after", StringComparison.OrdinalIgnoreCase))
            .SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string?>(kv.Key, v)))
            .Append(new KeyValuePair<string, string?>("after", cursor));
        return "/xapi/statements" + QueryString.Create(query).ToUriComponent();
    }
}
