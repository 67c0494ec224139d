using System.Globalization;
using System.Text;
using AdaptiveMooc.Api.Contracts;
using AdaptiveMooc.Api.Http;
using AdaptiveMooc.Api.Planning;
using AdaptiveMooc.Api.Security;
using AdaptiveMooc.Api.Xapi;
using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Courses;
using AdaptiveMooc.Grains.Abstractions.Learners;
using AdaptiveMooc.Grains.Abstractions.Planning;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace AdaptiveMooc.Api.Endpoints;

/// <summary>
/// One plan per learner (docs/PLANNING.md): the plan across every active enrolment, what-if answers that
/// save nothing, and the private calendar feed. The feed route is anonymous: its unguessable token is
/// the credential, and a revoked or unknown token answers 404.
/// </summary>
public static class LearnerPlanEndpoints
{
    public const int DefaultWeeks = 4;

    /// <summary>Tokens are 43 characters of base64url (256 bits); anything else is not looked up.</summary>
    private const int TokenLength = 43;

    public static IEndpointRouteBuilder MapLearnerPlanEndpoints(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var group = routes.MapGroup("/api/learners").WithTags("Plans");
        group.MapGet("/{learnerId}/plan", Plan).WithName("GetLearnerPlan");
        group.MapPost("/{learnerId}/plan/what-if", WhatIf).WithName("PlanWhatIf");
        group.MapPost("/{learnerId}/calendar-feed", OpenFeed).WithName("OpenCalendarFeed");
        group.MapDelete("/{learnerId}/calendar-feed", RevokeFeed).WithName("RevokeCalendarFeed");
        // An enrolment's target date is a plan input: changing it replans at once.
        group.MapPut("/{learnerId}/enrollments/{courseId}/target-date", SetTargetDate).WithName("SetTargetDate").WithTags("Learners");
        routes.MapGet("/api/calendar-feeds/{token}", Feed).WithName("GetCalendarFeed").WithTags("Plans").AllowAnonymous();
        return routes;
    }

    private static async Task<Results<Ok<LearnerPlanResponse>, ProblemHttpResult>> Plan(
        string learnerId, string? weeks, HttpContext context, IClusterClient cluster)
    {
        if (LearnerAccess.Check(context.Caller(), learnerId, Scopes.RecommendationsRead) is { } denied)
        {
            return denied;
        }

        if (ParseWeeks(weeks) is not { } count)
        {
            return Problems.BadRequest($"weeks must be an integer from 1 to {IPlanGrain.MaxWeeks}.", "weeks");
        }

        var plan = Ids.IsValid(learnerId) ? await cluster.ByKey<ILearnerPlanGrain>(learnerId).GetPlan(count) : null;
        return plan is null ? Problems.NotFound($"Learner '{learnerId}' does not exist.") : TypedResults.Ok(LearnerPlanResponse.From(plan));
    }

    private static async Task<Results<Ok<LearnerPlanResponse>, ProblemHttpResult>> WhatIf(
        string learnerId, PlanWhatIfBody? body, string? weeks, HttpContext context, IClusterClient cluster)
    {
        if (LearnerAccess.Check(context.Caller(), learnerId, Scopes.RecommendationsRead) is { } denied)
        {
            return denied;
        }

        if (ParseWeeks(weeks) is not { } count)
        {
            return Problems.BadRequest($"weeks must be an integer from 1 to {IPlanGrain.MaxWeeks}.", "weeks");
        }

        List<AvailabilityWindow>? windows = null;
        if (body?.WeeklyAvailability is { } given)
        {
            if (!WeeklyWindows.TryParse(given, out var parsed, out var field, out var detail))
            {
                return Problems.BadRequest(detail!, field);
            }

            if (AvailabilityValidator.Validate(null, parsed) is { } problem)
            {
                return Problems.From(problem);
            }

            windows = parsed;
        }

        if (body?.CourseId is { } courseId
            && (!Ids.IsValid(courseId) || await cluster.ByKey<ICourseGrain>(courseId).Get() is not { Published: true }))
        {
            return Problems.BadRequest($"courseId must name a published course; '{courseId}' is not one.", "courseId");
        }

        var plan = Ids.IsValid(learnerId)
            ? await cluster.ByKey<ILearnerPlanGrain>(learnerId).WhatIf(new PlanWhatIf(windows, body?.TargetDate, body?.CourseId), count)
            : null;
        return plan is null ? Problems.NotFound($"Learner '{learnerId}' does not exist.") : TypedResults.Ok(LearnerPlanResponse.From(plan));
    }

    private static async Task<Results<Ok<EnrolmentResponse>, ProblemHttpResult>> SetTargetDate(
        string learnerId, string courseId, TargetDateBody body, HttpContext context, IClusterClient cluster)
    {
        if (LearnerAccess.Check(context.Caller(), learnerId) is { } denied)
        {
            return denied;
        }

        var grain = cluster.ByKey<ILearnerGrain>(learnerId);
        var result = Ids.IsValid(learnerId) && Ids.IsValid(courseId)
            ? await grain.SetTargetDate(courseId, body.TargetDate)
            : CommandResult.NotFound($"Learner '{learnerId}' has no active enrolment in '{courseId}'.");
        return result.Succeeded
            ? TypedResults.Ok(EnrolmentResponse.From((await grain.GetEnrolments()).Single(e => e.CourseId == courseId)))
            : Problems.From(result);
    }

    private static async Task<Results<Created<CalendarFeedResponse>, ProblemHttpResult>> OpenFeed(
        string learnerId, HttpContext context, IClusterClient cluster, IOptions<XapiOptions> options)
    {
        if (LearnerAccess.Check(context.Caller(), learnerId) is { } denied)
        {
            return denied;
        }

        var token = Ids.IsValid(learnerId) ? await cluster.ByKey<ILearnerPlanGrain>(learnerId).OpenCalendarFeed() : null;
        if (token is null)
        {
            return Problems.NotFound($"Learner '{learnerId}' does not exist.");
        }

        var url = new Uri($"{options.Value.Base}/api/calendar-feeds/{token}");
        return TypedResults.Created(url, new CalendarFeedResponse(url));
    }

    /// <summary>Idempotent: 204 whether or not a feed was open (its old address answers 404 either way).</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeFeed(
        string learnerId, HttpContext context, IClusterClient cluster)
    {
        if (LearnerAccess.Check(context.Caller(), learnerId) is { } denied)
        {
            return denied;
        }

        if (!Ids.IsValid(learnerId) || await cluster.ByKey<ILearnerGrain>(learnerId).GetProfile() is null)
        {
            return Problems.NotFound($"Learner '{learnerId}' does not exist.");
        }

        await cluster.ByKey<ILearnerPlanGrain>(learnerId).RevokeCalendarFeed();
        return TypedResults.NoContent();
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Feed(
        string token, HttpContext context, IClusterClient cluster, IOptions<XapiOptions> options)
    {
        const string Unknown = "No calendar feed has this address (it may have been revoked).";
        if (token.Length != TokenLength || !token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return Problems.NotFound(Unknown);
        }

        if (await cluster.ByKey<ICalendarFeedGrain>(ICalendarFeedGrain.KeyOf(token)).GetLearner() is not { } learnerId
            || await cluster.ByKey<ILearnerPlanGrain>(learnerId).GetPlan(IPlanGrain.MaxWeeks) is not { } plan)
        {
            return Problems.NotFound(Unknown);
        }

        var courses = new Dictionary<string, CourseDefinition>(StringComparer.Ordinal);
        foreach (var courseId in plan.Sessions.Select(s => s.CourseId).Distinct(StringComparer.Ordinal))
        {
            if (await cluster.ByKey<ICourseGrain>(courseId).Get() is { } course)
            {
                courses[courseId] = course.Definition;
            }
        }

        // The address is the credential: keep it out of shared caches.
        context.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.Text(PlanCalendar.Write(plan, courses, options.Value.Base), PlanCalendar.ContentType, Encoding.UTF8);
    }

    private static int? ParseWeeks(string? weeks)
    {
        if (weeks is null)
        {
            return DefaultWeeks;
        }

        return int.TryParse(weeks, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= 1 && count <= IPlanGrain.MaxWeeks
            ? count
            : null;
    }
}
