using System.Globalization;
using AdaptiveMooc.Api.Http;
using AdaptiveMooc.Api.Security;
using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Planning;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdaptiveMooc.Api.Endpoints;

public static class PlanEndpoints
{
    public const int DefaultWeeks = 4;

    public static IEndpointRouteBuilder MapPlanEndpoints(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var group = routes.MapGroup("/api/learners").WithTags("Plans");
        group.MapGet("/{learnerId}/courses/{courseId}/plan", Plan).WithName("GetPlan");
        return routes;
    }

    private static async Task<Results<Ok<LearningPlan>, ProblemHttpResult>> Plan(
        string learnerId, string courseId, string? weeks, HttpContext context, IClusterClient cluster)
    {
        if (LearnerAccess.Check(context.Caller(), learnerId, Scopes.RecommendationsRead) is { } denied)
        {
            return denied;
        }

        var count = DefaultWeeks;
        if (weeks is not null
            && (!int.TryParse(weeks, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1 || count > IPlanGrain.MaxWeeks))
        {
            return Problems.BadRequest($"weeks must be an integer from 1 to {IPlanGrain.MaxWeeks}.", "weeks");
        }

        var plan = Ids.IsValid(learnerId) && Ids.IsValid(courseId)
            ? await cluster.ByKey<IPlanGrain>(IPlanGrain.KeyOf(learnerId, courseId)).GetPlan(count)
            : null;
        return plan is null
            ? Problems.NotFound($"Learner '{learnerId}' has no enrolment in or activity about course '{courseId}'.")
            : TypedResults.Ok(plan);
    }
}
