using System.Globalization;
using AdaptiveMooc.Api.Http;
using AdaptiveMooc.Api.Security;
using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Courses;
using AdaptiveMooc.Grains.Abstractions.Learners;
using AdaptiveMooc.Grains.Abstractions.Recommendations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdaptiveMooc.Api.Endpoints;

public static class RecommendationEndpoints
{
    public const int DefaultLimit = 5;

    public static IEndpointRouteBuilder MapRecommendationEndpoints(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var group = routes.MapGroup("/api/learners").WithTags("Recommendations");
        group.MapGet("/{learnerId}/courses/{courseId}/recommendations", Recommend).WithName("GetRecommendations");
        return routes;
    }

    private static async Task<Results<Ok<LessonRecommendations>, ProblemHttpResult>> Recommend(
        string learnerId, string courseId, string? limit, HttpContext context, IClusterClient cluster)
    {
        if (LearnerAccess.Check(context.Caller(), learnerId, Scopes.RecommendationsRead) is { } denied)
        {
            return denied;
        }

        var count = DefaultLimit;
        if (limit is not null
            && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1 || count > IRecommendationGrain.MaxLimit))
        {
            return Problems.BadRequest($"limit must be an integer from 1 to {IRecommendationGrain.MaxLimit}.", "limit");
        }

        // Recommendations carry lesson links: the paid-course rule (CourseAccess) applies.
        if (Ids.IsValid(learnerId) && Ids.IsValid(courseId) && await cluster.ByKey<ICourseGrain>(courseId).Get() is { } course
            && !await CourseAccess.LearnerHasAccessAsync(cluster, course, learnerId))
        {
            return Problems.Forbidden($"Course '{courseId}' is paid and learner '{learnerId}' has no access to it.");
        }

        var recommendations = Ids.IsValid(learnerId) && Ids.IsValid(courseId)
            ? await cluster.ByKey<ILearnerGrain>(learnerId).GetRecommendations(courseId, count)
            : null;
        return recommendations is null
            ? Problems.NotFound($"Learner '{learnerId}' has no enrolment in or activity about course '{courseId}'.")
            : TypedResults.Ok(recommendations);
    }
}
