using System.Text.Json;
using AdaptiveMooc.Api.Http;
using AdaptiveMooc.Grains.Abstractions.Cmi5;
using AdaptiveMooc.Grains.Abstractions.Common;

namespace AdaptiveMooc.Api.Xapi.Cmi5;

/// <summary>
/// The cmi5 session rules on <c>/xapi</c> for requests authenticated by an AU's auth-token (cmi5 9.3, 6.3): the
/// statements of <c>POST</c>/<c>PUT /xapi/statements</c> are checked against the session before they are
/// stored (400 naming the rule, nothing stored), and once stored they move the AU towards its moveOn criterion.
/// Other callers, and the token's other requests (State, profiles, reads: the learner's rules), pass untouched.
/// </summary>
internal static class Cmi5StatementFilter
{
    private const int MaxStatements = 1000;

    public static async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (Cmi5Tokens.SessionOf(http.User) is not { } session
            || !http.Request.Path.StartsWithSegments("/xapi/statements", StringComparison.OrdinalIgnoreCase)
            || !(HttpMethods.IsPost(http.Request.Method) || HttpMethods.IsPut(http.Request.Method)))
        {
            return await next(context);
        }

        if (!(http.Request.ContentType ?? string.Empty).StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return Problems.BadRequest("A cmi5 AU posts its statements as application/json.", "Content-Type");
        }

        http.Request.EnableBuffering();
        List<Cmi5Fact> facts;
        var cluster = http.RequestServices.GetRequiredService<IClusterClient>();
        var grain = cluster.ByKey<ICmi5RegistrationGrain>(session.UnitKey);
        if (await grain.GetStatus() is not { } status)
        {
            return Problems.Forbidden("This cmi5 session is unknown.");
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            facts = Facts(document.RootElement, status.Unit.ActivityId);
        }
        catch (JsonException)
        {
            // Not JSON: the statement resource answers the 400 itself.
            http.Request.Body.Position = 0;
            return await next(context);
        }

        http.Request.Body.Position = 0;
        if (facts.Count > MaxStatements)
        {
            return Problems.BadRequest($"A cmi5 AU posts at most {MaxStatements} statements per request.", "body");
        }

        if (await grain.Check(session.SessionId, facts) is { } broken)
        {
            return Problems.BadRequest($"{broken} Nothing was stored.", "verb");
        }

        var result = await next(context);
        if (Succeeded(result) && await grain.Record(session.SessionId, facts))
        {
            var lms = http.RequestServices.GetRequiredService<Cmi5Lms>();
            var package = status.Unit;
            var auCount = await AuCountAsync(cluster, http.RequestServices, package);
            await lms.LessonSatisfiedIfAllAsync(package, auCount.Count, session.SessionId, auCount.CourseId, http.RequestAborted);
        }

        return result;
    }

    private static List<Cmi5Fact> Facts(JsonElement root, string activityId)
    {
        var facts = new List<Cmi5Fact>();
        foreach (var statement in root.ValueKind == JsonValueKind.Array ? root.EnumerateArray() : Enumerable.Repeat(root, 1))
        {
            if (statement.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var verb = statement.TryGetProperty("verb", out var v) && v.ValueKind == JsonValueKind.Object && v.TryGetProperty("id", out var vid) && vid.ValueKind == JsonValueKind.String ? vid.GetString()! : string.Empty;
            var objectId = statement.TryGetProperty("object", out var o) && o.ValueKind == JsonValueKind.Object && o.TryGetProperty("id", out var oid) && oid.ValueKind == JsonValueKind.String ? oid.GetString() : null;
            Guid? registration = null;
            var category = false;
            if (statement.TryGetProperty("context", out var c) && c.ValueKind == JsonValueKind.Object)
            {
                if (c.TryGetProperty("registration", out var r) && r.ValueKind == JsonValueKind.String && Guid.TryParse(r.GetString(), out var g))
                {
                    registration = g;
                }

                if (c.TryGetProperty("contextActivities", out var ca) && ca.ValueKind == JsonValueKind.Object && ca.TryGetProperty("category", out var cat))
                {
                    var items = cat.ValueKind == JsonValueKind.Array ? cat.EnumerateArray().ToList() : [cat];
                    category = items.Any(i => i.ValueKind == JsonValueKind.Object && i.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() == Cmi5Verbs.Category);
                }
            }

            double? scaled = statement.TryGetProperty("result", out var res) && res.ValueKind == JsonValueKind.Object
                && res.TryGetProperty("score", out var score) && score.ValueKind == JsonValueKind.Object
                && score.TryGetProperty("scaled", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetDouble() : null;
            facts.Add(new Cmi5Fact(verb, objectId == activityId, registration, category, scaled));
        }

        return facts;
    }

    private static bool Succeeded(object? result) => result switch
    {
        IStatusCodeHttpResult { StatusCode: >= 200 and < 300 } => true,
        INestedHttpResult nested => Succeeded(nested.Result),
        _ => false,
    };

    /// <summary>How many AUs the unit's lesson package holds, and its course id (read again: packages are small, satisfaction rare).</summary>
    private static async Task<(int Count, string CourseId)> AuCountAsync(IClusterClient cluster, IServiceProvider services, Cmi5Unit unit)
    {
        var course = await cluster.ByKey<Grains.Abstractions.Courses.ICourseGrain>(unit.CourseId).Get();
        var lesson = course?.Definition.AllLessons().FirstOrDefault(l => l.Id == unit.LessonId)
            ?? throw new InvalidOperationException($"Lesson '{unit.LessonId}' of course '{unit.CourseId}' is gone.");
        await using var zip = services.GetRequiredService<Media.IMediaStore>().OpenRead(lesson.MediaId ?? string.Empty)
            ?? throw new InvalidOperationException($"The package of lesson '{unit.LessonId}' is missing from the media store.");
        var package = Cmi5Package.FromZip(zip);
        return (package.Aus.Count, package.CourseId);
    }
}
