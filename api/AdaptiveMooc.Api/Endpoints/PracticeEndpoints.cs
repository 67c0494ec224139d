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
        // The contract's routes (docs/API.md, "Content and assessments"). The literal 'next' wins over the {skill} route below,
        // so GET .../practice/next is always this one.
        var contract = routes.MapGroup("/api/learners/{learnerId}/courses/{courseId}/practice").WithTags("Practice");
        contract.MapGet("/next", NextBySkill).WithName("GetNextPracticeItem")
            .WithSummary("The next practice item of a skill (?skill=; the waiting one, or a new choice) with pCorrect and the reason, or status mastered / no-items.");
        contract.MapPost("/answers", AnswerWaiting).WithName("AnswerWaitingPracticeItem")
            .WithSummary("Grades the answer ({itemId, response}) to the item waiting in one of the learner's practices; answers correct and masteryBySkill.");

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

        if (AssessmentEndpoints.AnswerProblem(body) is { } problem)
        {
            return problem;
        }

        var outcome = await cluster.ByKey<IPracticeGrain>(PracticeKeys.Of(learnerId, courseId, skill)).Answer(body.ItemId!, body.ToAnswer()!);
        return outcome.Result.Succeeded
            ? TypedResults.Ok(outcome.View!)
            : Problems.From(outcome.Result with { Field = outcome.Result.Field is null ? null : body.FieldOf(outcome.Result.Field) });
    }

    private static async Task<Results<Ok<PracticeNextResponse>, ProblemHttpResult>> NextBySkill(
        string learnerId, string courseId, string? skill, HttpContext context, IClusterClient cluster)
    {
        if (string.IsNullOrEmpty(skill))
        {
            if (LearnerAccess.Check(context.Caller(), learnerId) is { } forbidden)
            {
                return forbidden;
            }

            return Problems.BadRequest("skill (a skill of the course's question bank items) is required.", "skill");
        }

        if (await Practiser(context, cluster, learnerId, courseId, skill) is { } denied)
        {
            return denied;
        }

        var outcome = await cluster.ByKey<IPracticeGrain>(PracticeKeys.Of(learnerId, courseId, skill)).Next();
        if (!outcome.Result.Succeeded)
        {
            return Problems.From(outcome.Result);
        }

        var view = outcome.View!;
        var reason = view.Reason ?? (view.Status == PracticeStatus.NoItems
            ? $"The question bank of this course has no item of '{skill}' to practise."
            : FormattableString.Invariant($"Your mastery of '{skill}' is {view.Mastery:P0}, at or above the course's threshold of {view.Threshold:P0}: practice is done."));
        return TypedResults.Ok(new PracticeNextResponse(
            view.Item?.Id, view.Item?.Prompt, view.Item?.Kind, view.Item?.Choices, view.PCorrect, reason, view.Skill, view.Status, view.Placement,
            view.Mastery, view.Threshold, view.BandLow, view.BandHigh));
    }

    private static async Task<Results<Ok<PracticeAnswerResponse>, ProblemHttpResult>> AnswerWaiting(
        string learnerId, string courseId, AnswerBody body, HttpContext context, IClusterClient cluster)
    {
        if (await Practiser(context, cluster, learnerId, courseId, skill: null) is { } denied)
        {
            return denied;
        }

        if (!Ids.IsValid(body.ItemId))
        {
            return Problems.BadRequest("itemId must be 1-64 characters of [a-z0-9-].", "itemId");
        }

        if (AssessmentEndpoints.AnswerProblem(body) is { } problem)
        {
            return problem;
        }

        // The practice the item waits in: one of the item's skills (an item belongs to at most ten).
        var item = await cluster.ByKey<IQuestionBankGrain>(courseId).Get(body.ItemId!);
        IPracticeGrain? practice = null;
        foreach (var skill in item?.Skills ?? [])
        {
            var candidate = cluster.ByKey<IPracticeGrain>(PracticeKeys.Of(learnerId, courseId, skill));
            if ((await candidate.Get()).Item?.Id == body.ItemId)
            {
                practice = candidate;
                break;
            }
        }

        if (practice is null)
        {
            return Problems.Conflict(
                $"'{body.ItemId}' is not an item waiting in your practice of course '{courseId}'; ask GET .../practice/next?skill= first.", "itemId");
        }

        var outcome = await practice.Answer(body.ItemId!, body.ToAnswer()!);
        if (!outcome.Result.Succeeded)
        {
            return Problems.From(outcome.Result with { Field = outcome.Result.Field is null ? null : body.FieldOf(outcome.Result.Field) });
        }

        var view = outcome.View!;
        var feedback = view.LastFeedback!;
        var progress = await cluster.ByKey<ILearnerGrain>(learnerId).GetProgress(courseId);
        var mastery = new Dictionary<string, double>(progress?.MasteryBySkill ?? new Dictionary<string, double>(), StringComparer.Ordinal);
        return TypedResults.Ok(new PracticeAnswerResponse(
            feedback.Correct, mastery, feedback.Feedback, feedback.Explanation, feedback.CorrectAnswer, view.Skill, view.Status, view.Mastery,
            view.MasteryBefore, view.Threshold));
    }

    /// <summary>The learner themself or an admin, on a published course the learner is actively enrolled in; the skill named plainly.</summary>
    private static async Task<ProblemHttpResult?> Practiser(HttpContext context, IClusterClient cluster, string learnerId, string courseId, string? skill)
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

        return skill is null || PracticeKeys.IsSkill(skill)
            ? null
            : Problems.BadRequest($"skill must be a non-empty name of at most {PracticeKeys.MaxSkillLength} characters.", "skill");
    }
}
