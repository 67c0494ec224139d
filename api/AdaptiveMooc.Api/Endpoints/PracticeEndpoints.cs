using AdaptiveMooc.Api.Contracts;
using AdaptiveMooc.Api.Http;
using AdaptiveMooc.Api.Security;
using AdaptiveMooc.Grains.Abstractions.Assessments;
using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Courses;
using AdaptiveMooc.Grains.Abstractions.Learners;
using AdaptiveMooc.Grains.Abstractions.Practice;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdaptiveMooc.Api.Endpoints;

/// <summary>
/// Adaptive practice of one skill (docs/PRACTICE.md): the next item from the course's question bank chosen
/// from the learner's knowledge state with its reason, answers graded by the platform. The learner
/// themself (or an admin acting for them), actively enrolled in the published course.
/// </summary>
public static class PracticeEndpoints
{
    public static IEndpointRouteBuilder MapPracticeEndpoints(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var practice = routes.MapGroup("/api/learners/{learnerId}/courses/{courseId}/practice/{skill}").WithTags("Practice");
        practice.MapGet("/", GetPractice).WithName("GetPractice")
            .WithSummary("The learner's practice of a skill: mastery, threshold, the item waiting (without its key) with the reason it was chosen, and the feedback on the last answer.");
        practice.MapPost("/next", NextItem).WithName("NextPracticeItem")
            .WithSummary("Chooses the next item (201) from the learner's predicted P(correct), aiming at the desirable-difficulty band, or gives back the one waiting (200); status mastered or no-items when there is nothing to practise.");
        practice.MapPost("/answers", AnswerPracticeItem).WithName("AnswerPracticeItem")
            .WithSummary("Grades the answer to the waiting item; the feedback, the correct answer and the mastery before and after come back.");
        return routes;
    }

    private static async Task<Results<Ok<PracticeView>, ProblemHttpResult>> GetPractice(
        string learnerId, string courseId, string skill, HttpContext context, IClusterClient cluster)
    {
        if (await Practiser(context, cluster, learnerId, courseId, skill) is { } denied)
        {
            return denied;
        }

        return TypedResults.Ok(await cluster.ByKey<IPracticeGrain>(PracticeKeys.Of(learnerId, courseId, skill)).Get());
    }

    private static async Task<Results<Ok<PracticeView>, Created<PracticeView>, ProblemHttpResult>> NextItem(
        string learnerId, string courseId, string skill, HttpContext context, IClusterClient cluster)
    {
        if (await Practiser(context, cluster, learnerId, courseId, skill) is { } denied)
        {
            return denied;
        }

        var outcome = await cluster.ByKey<IPracticeGrain>(PracticeKeys.Of(learnerId, courseId, skill)).Next();
        if (!outcome.Result.Succeeded)
        {
            return Problems.From(outcome.Result);
        }

        return outcome.Result.Status == CommandStatus.Created
            ? TypedResults.Created($"/api/learners/{learnerId}/courses/{courseId}/practice/{Uri.EscapeDataString(skill)}", outcome.View!)
            : TypedResults.Ok(outcome.View!);
    }

    private static async Task<Results<Ok<PracticeView>, ProblemHttpResult>> AnswerPracticeItem(
        string learnerId, string courseId, string skill, AnswerBody body, HttpContext context, IClusterClient cluster)
    {
        if (await Practiser(context, cluster, learnerId, courseId, skill) is { } denied)
        {
            return denied;
        }

        if (!Ids.IsValid(body.ItemId))
        {
            return Problems.BadRequest("itemId must be 1-64 characters of [a-z0-9-].", "itemId");
        }

        if (body.Text is { Length: > ItemAnswer.MaxTextLength })
        {
            return Problems.BadRequest($"text holds at most {ItemAnswer.MaxTextLength} characters.", "text");
        }

        if (body.ChoiceIds is { Count: > QuestionValidator.MaxChoices })
        {
            return Problems.BadRequest($"choiceIds lists at most {QuestionValidator.MaxChoices} choices.", "choiceIds");
        }

        var outcome = await cluster.ByKey<IPracticeGrain>(PracticeKeys.Of(learnerId, courseId, skill)).Answer(body.ItemId!, body.ToAnswer());
        return outcome.Result.Succeeded ? TypedResults.Ok(outcome.View!) : Problems.From(outcome.Result);
    }

    /// <summary>The learner themself or an admin, on a published course the learner is actively enrolled in; the skill named plainly.</summary>
    private static async Task<ProblemHttpResult?> Practiser(HttpContext context, IClusterClient cluster, string learnerId, string courseId, string skill)
    {
        if (LearnerAccess.Check(context.Caller(), learnerId) is { } denied)
        {
            return denied;
        }

        if (!Ids.IsValid(learnerId) || !Ids.IsValid(courseId))
        {
            return Problems.NotFound($"Course '{courseId}' does not exist.");
        }

        var course = await cluster.ByKey<ICourseGrain>(courseId).Get();
        if (course is null || !course.Published)
        {
            return Problems.NotFound($"Course '{courseId}' does not exist.");
        }

        if (!await CourseAccess.StudiesAsync(cluster, course, learnerId))
        {
            return Problems.Forbidden(CourseAccess.NotStudyingDetail(learnerId, courseId));
        }

        return PracticeKeys.IsSkill(skill)
            ? null
            : Problems.BadRequest($"skill must be a non-empty name of at most {PracticeKeys.MaxSkillLength} characters.", "skill");
    }
}
