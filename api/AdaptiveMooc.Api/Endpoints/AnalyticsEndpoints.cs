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

    /// <param name="atRiskLimit">Learners in the at-risk list, highest risk first (default 50, at most 10000; 0 leaves it out).</param>
    private static async Task<Results<Ok<CourseAnalytics>, ProblemHttpResult>> Get(
        string courseId, string? asOf, string? atRiskLimit, HttpContext context, IClusterClient cluster, TimeProvider clock)
    {
        if (await Check(courseId, asOf, context, cluster, clock) is { Problem: { } problem })
        {
            return problem;
        }

        var limit = ICourseAnalyticsGrain.DefaultAtRiskLimit;
        if (atRiskLimit is not null
            && (!int.TryParse(atRiskLimit, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit > ICourseAnalyticsGrain.MaxAtRiskLimit))
        {
            return Problems.BadRequest($"atRiskLimit must be a whole number from 0 to {ICourseAnalyticsGrain.MaxAtRiskLimit}.", "atRiskLimit");
        }

        var at = ParseAsOf(asOf, clock)!.Value;
        var analytics = await cluster.ByKey<ICourseAnalyticsGrain>(courseId).Get(at, limit);
        return analytics is null ? Problems.NotFound($"Course '{courseId}' does not exist.") : TypedResults.Ok(analytics);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> LearnersCsv(
        string courseId, string? asOf, HttpContext context, IClusterClient cluster, TimeProvider clock)
    {
        if (await Check(courseId, asOf, context, cluster, clock) is { Problem: { } problem })
        {
            return problem;
        }

        var at = ParseAsOf(asOf, clock)!.Value;
        var learners = await cluster.ByKey<ICourseAnalyticsGrain>(courseId).GetLearners(at);
        if (learners is null)
        {
            return Problems.NotFound($"Course '{courseId}' does not exist.");
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

    private static string Instant(DateTimeOffset? value) => value?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) ?? string.Empty;

    private static DateTimeOffset? ParseAsOf(string? asOf, TimeProvider clock) =>
        string.IsNullOrEmpty(asOf)
            ? clock.GetUtcNow()
            : DateTimeOffset.TryParse(asOf, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed.ToUniversalTime() : null;

    /// <summary>Admins, API keys with analytics:read, and the course's owner and co-trainers; learners and other trainers get 403.</summary>
    private static async Task<Checked> Check(string courseId, string? asOf, HttpContext context, IClusterClient cluster, TimeProvider clock)
    {
        var caller = context.Caller();
        var snapshot = Ids.IsValid(courseId) ? await cluster.ByKey<ICourseGrain>(courseId).Get() : null;
        if (snapshot is null)
        {
            return new Checked(Problems.NotFound($"Course '{courseId}' does not exist."));
        }

        var allowed = caller.IsAdmin || caller.HasScope(Scopes.AnalyticsRead) || (caller.IsTrainer && snapshot.IsTaughtBy(caller.Id));
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
