using System.Globalization;
using System.Text;
using AdaptiveMooc.Api.Http;
using AdaptiveMooc.Api.Security;
using AdaptiveMooc.Grains.Abstractions.Analytics;
using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Courses;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdaptiveMooc.Api.Endpoints;

public static class AnalyticsEndpoints
{
    public static IEndpointRouteBuilder MapAnalyticsEndpoints(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var group = routes.MapGroup("/api/courses/{courseId}/analytics").WithTags("Analytics");
        group.MapGet("/", Get).WithName("GetCourseAnalytics");
        group.MapGet("/learners.csv", LearnersCsv).WithName("GetCourseAnalyticsLearnersCsv");
        group.MapPost("/rebuild", Rebuild).WithName("RebuildCourseAnalytics");
        return routes;
    }

    /// <param name="atRiskLimit">Learners in the at-risk list, highest risk first (default 50, at most 500; 0 leaves it out).</param>
    /// <param name="atRiskAfter">The cursor of the next part of the at-risk list, from the previous answer's <c>Link: rel="next"</c>.</param>
    private static async Task<Results<Ok<CourseAnalytics>, ProblemHttpResult>> Get(
        string courseId, string? asOf, string? atRiskLimit, string? atRiskAfter, HttpContext context, IClusterClient cluster, TimeProvider clock)
    {
        if (await Check(courseId, asOf, context, cluster, clock) is { Problem: { } problem })
        {
            return problem;
        }

        var limit = ICourseAnalyticsGrain.DefaultAtRiskLimit;
        if (atRiskLimit is not null
            && (!int.TryParse(atRiskLimit, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit > Paging.MaxLimit))
        {
            return Problems.BadRequest($"atRiskLimit must be a whole number from 0 to {Paging.MaxLimit}; page on with atRiskAfter.", "atRiskLimit");
        }

        var offset = 0;
        if (atRiskAfter is not null
            && (!Paging.TryDecode(atRiskAfter, out var position) || !int.TryParse(position, NumberStyles.None, CultureInfo.InvariantCulture, out offset)
                || offset >= ICourseAnalyticsGrain.MaxAtRiskLimit))
        {
            return Problems.BadRequest("atRiskAfter is not a cursor this API returned.", "atRiskAfter");
        }

        // One more than the page, to know whether a next part exists.
        var at = ParseAsOf(asOf, clock)!.Value;
        var asked = limit == 0 ? 0 : Math.Min(offset + limit + 1, ICourseAnalyticsGrain.MaxAtRiskLimit);
        var analytics = await cluster.ByKey<ICourseAnalyticsGrain>(courseId).Get(at, asked);
        if (analytics is null)
        {
            return Problems.NotFound($"Course '{courseId}' does not exist.");
        }

        if (limit > 0 && analytics.AtRisk.Count > offset + limit)
        {
            SetNextLink(context, "atRiskAfter", Paging.Encode((offset + limit).ToString(CultureInfo.InvariantCulture)));
        }

        return TypedResults.Ok(analytics with { AtRisk = [.. analytics.AtRisk.Skip(offset).Take(limit)] });
    }

    /// <summary>The learner table, by learner id, <c>limit</c> rows a page (default and most 500); the next page is the <c>Link: rel="next"</c> header.</summary>
    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> LearnersCsv(
        string courseId, string? asOf, int? limit, string? after, HttpContext context, IClusterClient cluster, TimeProvider clock)
    {
        if (await Check(courseId, asOf, context, cluster, clock) is { Problem: { } problem })
        {
            return problem;
        }

        if (Paging.CheckLimit(limit) is { } limitProblem)
        {
            return Problems.BadRequest(limitProblem, "limit");
        }

        if (!Paging.TryDecode(after, out var afterId) || (afterId is not null && !Ids.IsValid(afterId)))
        {
            return Problems.BadRequest("after is not a cursor this API returned.", "after");
        }

        var at = ParseAsOf(asOf, clock)!.Value;
        var all = await cluster.ByKey<ICourseAnalyticsGrain>(courseId).GetLearners(at);
        if (all is null)
        {
            return Problems.NotFound($"Course '{courseId}' does not exist.");
        }

        // Ordered by learner id (the grain's order), so the cursor is the last id sent.
        var take = limit ?? Paging.MaxLimit;
        var rest = afterId is null ? all : all.Where(l => string.CompareOrdinal(l.LearnerId, afterId) > 0).ToList();
        var learners = rest.Take(take).ToList();
        if (rest.Count > take)
        {
            SetNextLink(context, "after", Paging.Encode(learners[^1].LearnerId));
        }

        var csv = new StringBuilder("learnerId,enrolledAt,withdrawnAt,lessonsStarted,lessonsCompleted,completedCourse,lastActivity,activeDays,meanScore\n");
        foreach (var l in learners)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{l.LearnerId},{Instant(l.EnrolledAt)},{Instant(l.WithdrawnAt)},{l.LessonsStarted},{l.LessonsCompleted},")
                .Append(CultureInfo.InvariantCulture, $"{(l.CompletedCourse ? "true" : "false")},{Instant(l.LastActivity)},{l.ActiveDays},{l.MeanScore?.ToString(CultureInfo.InvariantCulture)}\n");
        }

        return TypedResults.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", $"{courseId}-learners.csv");
    }

    /// <summary>
    /// Admins only: refolds the course's shards from the statement store (for rows kept before a field
    /// existed). Answers 202 at once; the rebuild runs in the shards, which serve reads again when done.
    /// </summary>
    private static async Task<Results<Accepted<AnalyticsRebuildAccepted>, ProblemHttpResult>> Rebuild(string courseId, HttpContext context, IClusterClient cluster)
    {
        var caller = context.Caller();
        if (!caller.IsAdmin)
        {
            return Problems.Forbidden("Only admins rebuild analytics.");
        }

        if (!Ids.IsValid(courseId) || await cluster.ByKey<ICourseGrain>(courseId).Get() is null)
        {
            return Problems.NotFound($"Course '{courseId}' does not exist.");
        }

        await cluster.ByKey<ICourseAnalyticsGrain>(courseId).Rebuild();
        return TypedResults.Accepted($"/api/courses/{courseId}/analytics", new AnalyticsRebuildAccepted(courseId, AnalyticsShards.Count));
    }

    /// <summary>RFC 8288 <c>Link: &lt;this request with <paramref name="parameter"/>=cursor&gt;; rel="next"</c>.</summary>
    private static void SetNextLink(HttpContext context, string parameter, string cursor)
    {
        var request = context.Request;
        var query = request.Query
            .Where(kv => !string.Equals(kv.Key, parameter, StringComparison.OrdinalIgnoreCase))
            .SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string?>(kv.Key, v)))
            .Append(new KeyValuePair<string, string?>(parameter, cursor));
        context.Response.Headers.Link = $"<{request.PathBase}{request.Path}{QueryString.Create(query).ToUriComponent()}>; rel=\"next\"";
    }

    private static string Instant(DateTimeOffset? value) => value?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) ?? string.Empty;

    private static DateTimeOffset? ParseAsOf(string? asOf, TimeProvider clock) =>
        string.IsNullOrEmpty(asOf)
            ? clock.GetUtcNow()
            : DateTimeOffset.TryParse(asOf, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed.ToUniversalTime() : null;

    /// <summary>Admins, API keys with analytics:read, the course's owner and co-trainers, its provider's admins; learners and other trainers get 403.</summary>
    private static async Task<Checked> Check(string courseId, string? asOf, HttpContext context, IClusterClient cluster, TimeProvider clock)
    {
        var caller = context.Caller();
        var snapshot = Ids.IsValid(courseId) ? await cluster.ByKey<ICourseGrain>(courseId).Get() : null;
        if (snapshot is null)
        {
            return new Checked(Problems.NotFound($"Course '{courseId}' does not exist."));
        }

        // A provider's admins follow every course of their provider (CourseAccess, docs/PAYMENTS.md).
        var allowed = caller.IsAdmin || (caller.HasScope(Scopes.AnalyticsRead) && caller.CoversCourse(courseId)) || (caller.IsTrainer && snapshot.IsTaughtBy(caller.Id))
            || (caller.IsTrainer && await context.RequestServices.GetRequiredService<CourseAccess>().IsProviderAdminAsync(caller, snapshot));
        if (!allowed)
        {
            return new Checked(Problems.Forbidden($"Only admins, analytics:read keys and the trainers of '{courseId}' read its analytics."));
        }

        return ParseAsOf(asOf, clock) is null
            ? new Checked(Problems.BadRequest("asOf must be an ISO 8601 instant.", "asOf"))
            : new Checked(null);
    }

    private sealed record Checked(ProblemHttpResult? Problem);
}
