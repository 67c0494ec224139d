using AdaptiveMooc.Api.Contracts;
using AdaptiveMooc.Api.Http;
using AdaptiveMooc.Api.Security;
using AdaptiveMooc.Grains.Abstractions.Assessments;
using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Courses;
using AdaptiveMooc.Grains.Abstractions.Learners;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdaptiveMooc.Api.Endpoints;

/// <summary>
/// Question banks, assessment definitions, platform-graded attempts and item analysis (docs/ASSESSMENTS.md).
/// Authoring and analysis go through <see cref="CourseAccess"/>; attempts belong to the learner (or an
/// admin acting for them) and need an active enrolment in the published course.
/// </summary>
public static class AssessmentEndpoints
{
    public static IEndpointRouteBuilder MapAssessmentEndpoints(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var bank = routes.MapGroup("/api/courses/{courseId}/question-bank").WithTags("Assessments");
        bank.MapGet("/", ListItems).WithName("ListQuestionBankItems").WithSummary("The course's question bank with answer keys (its trainers, admins, keys with courses:write).");
        bank.MapPost("/", CreateItem).WithName("CreateQuestionBankItem").WithSummary("Adds an item to the bank.");
        bank.MapGet("/{itemId}", GetItem).WithName("GetQuestionBankItem").WithSummary("One item with its key.");
        bank.MapPut("/{itemId}", UpdateItem).WithName("UpdateQuestionBankItem").WithSummary("Replaces (or creates) an item.");
        bank.MapDelete("/{itemId}", DeleteItem).WithName("DeleteQuestionBankItem").WithSummary("Removes an item no fixed list names.");

        var items = routes.MapGroup("/api/courses/{courseId}/items").WithTags("Assessments");
        items.MapPost("/", CreateContractItem).WithName("CreateItem")
            .WithSummary("Adds an item to the course's question bank in the contract's shape (kind, prompt, choices, answer, skills, feedback, explanation).");
        items.MapGet("/{itemId}", GetContractItem).WithName("GetItem")
            .WithSummary("One bank item in the contract's shape, with its answer (the course's trainers, admins, keys with courses:write).");

        var lessons = routes.MapGroup("/api/courses/{courseId}/lessons/{lessonId}").WithTags("Assessments");
        lessons.MapGet("/assessment", GetAssessment).WithName("GetAssessment").WithSummary("How a quiz or assignment draws its items, its time limit and attempts (its trainers, enrolled learners).");
        lessons.MapPut("/assessment", PutAssessment).WithName("PutAssessment").WithSummary("Sets a quiz or assignment's items (fixed list or pools per skill), time limit, attempts and pass score.");

        routes.MapGet("/api/courses/{courseId}/item-analysis", ItemAnalysis).WithTags("Assessments").WithName("GetItemAnalysis")
            .WithSummary("Per item: attempts, share correct, point-biserial discrimination, and whether knowledge tracing finds it out of line with its skill.");

        var attempts = routes.MapGroup("/api/learners/{learnerId}/courses/{courseId}/lessons/{lessonId}/attempts").WithTags("Assessments");
        attempts.MapGet("/", GetAttempts).WithName("GetAttempts").WithSummary("The learner's attempts at a lesson: the latest in full (answered items with feedback), earlier ones as scores.");
        attempts.MapPost("/", StartAttempt).WithName("StartAttempt").WithSummary("Starts the next attempt (201), or gives back the one in progress (200). Items come without answers.");
        attempts.MapPost("/{attempt:int}/answers", AnswerItem).WithName("AnswerItem").WithSummary("Grades one answer; the feedback, explanation and correct answer come back only now.");
        attempts.MapPost("/{attempt:int}/submission", SubmitAttempt).WithName("SubmitAttempt").WithSummary("Scores the attempt; recorded as passed or failed with result.score.scaled.");
        return routes;
    }

    private static async Task<Results<Ok<Page<QuestionItem>>, ProblemHttpResult>> ListItems(
        string courseId, HttpContext context, CourseAccess access, IClusterClient cluster, string? skill, int? limit, string? after)
    {
        if (await Manage(access, context, courseId) is { } denied)
        {
            return denied;
        }

        if (!Paging.TryLimit(limit, out var take, out var limitProblem))
        {
            return limitProblem;
        }

        if (!Paging.TryDecode(after, out var afterId))
        {
            return Problems.BadRequest("after is not a cursor this API returned.", "after");
        }

        if (skill is { Length: > 64 })
        {
            return Problems.BadRequest("skill holds at most 64 characters.", "skill");
        }

        var items = await cluster.ByKey<IQuestionBankGrain>(courseId).List(skill, afterId, take + 1);
        var page = items.Take(take).ToList();
        return TypedResults.Ok(new Page<QuestionItem>(page, items.Count > take ? Paging.Encode(page[^1].Id) : null));
    }

    private static async Task<Results<Created<QuestionItem>, ProblemHttpResult>> CreateItem(
        string courseId, QuestionBody body, HttpContext context, CourseAccess access, IClusterClient cluster)
    {
        if (await Manage(access, context, courseId) is { } denied)
        {
            return denied;
        }

        var item = body.ToItem(body.Id ?? string.Empty);
        var result = await cluster.ByKey<IQuestionBankGrain>(courseId).Save(item, mustBeNew: true);
        if (!result.Succeeded)
        {
            return Problems.From(result);
        }

        await context.AuditAsync("question.create", $"course:{courseId}", $"item={item.Id}");
        return TypedResults.Created($"/api/courses/{courseId}/question-bank/{item.Id}", item);
    }

    private static async Task<Results<Created<ItemResponse>, ProblemHttpResult>> CreateContractItem(
        string courseId, ItemBody body, HttpContext context, CourseAccess access, IClusterClient cluster)
    {
        if (await Manage(access, context, courseId) is { } denied)
        {
            return denied;
        }

        if (!Ids.IsValid(body.Id))
        {
            return Problems.BadRequest("id must be 1-64 characters of [a-z0-9-].", "id");
        }

        var (item, field, detail) = body.ToItem(body.Id!);
        if (item is null)
        {
            return Problems.BadRequest(detail!, field);
        }

        var result = await cluster.ByKey<IQuestionBankGrain>(courseId).Save(item, mustBeNew: true);
        if (!result.Succeeded)
        {
            return Problems.From(result with { Field = result.Field is null ? null : ItemBody.ContractField(result.Field) });
        }

        await context.AuditAsync("question.create", $"course:{courseId}", $"item={item.Id}");
        return TypedResults.Created($"/api/courses/{courseId}/items/{item.Id}", ItemResponse.From(item));
    }

    private static async Task<Results<Ok<ItemResponse>, ProblemHttpResult>> GetContractItem(
        string courseId, string itemId, HttpContext context, CourseAccess access, IClusterClient cluster)
    {
        if (await Manage(access, context, courseId) is { } denied)
        {
            return denied;
        }

        var item = Ids.IsValid(itemId) ? await cluster.ByKey<IQuestionBankGrain>(courseId).Get(itemId) : null;
        return item is null ? Problems.NotFound($"Item '{itemId}' is not in the bank of '{courseId}'.") : TypedResults.Ok(ItemResponse.From(item));
    }

    private static async Task<Results<Ok<QuestionItem>, ProblemHttpResult>> GetItem(
        string courseId, string itemId, HttpContext context, CourseAccess access, IClusterClient cluster)
    {
        if (await Manage(access, context, courseId) is { } denied)
        {
            return denied;
        }

        var item = Ids.IsValid(itemId) ? await cluster.ByKey<IQuestionBankGrain>(courseId).Get(itemId) : null;
        return item is null ? Problems.NotFound($"Item '{itemId}' is not in the bank of '{courseId}'.") : TypedResults.Ok(item);
    }

    private static async Task<Results<Ok<QuestionItem>, Created<QuestionItem>, ProblemHttpResult>> UpdateItem(
        string courseId, string itemId, QuestionBody body, HttpContext context, CourseAccess access, IClusterClient cluster)
    {
        if (await Manage(access, context, courseId) is { } denied)
        {
            return denied;
        }

        if (body.Id is { } id && id != itemId)
        {
            return Problems.BadRequest($"The body's id '{id}' differs from the route's '{itemId}'.", "id");
        }

        var item = body.ToItem(itemId);
        var result = await cluster.ByKey<IQuestionBankGrain>(courseId).Save(item, mustBeNew: false);
        if (!result.Succeeded)
        {
            return Problems.From(result);
        }

        await context.AuditAsync("question.update", $"course:{courseId}", $"item={itemId}");
        return result.Status == CommandStatus.Created
            ? TypedResults.Created($"/api/courses/{courseId}/question-bank/{itemId}", item)
            : TypedResults.Ok(item);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteItem(
        string courseId, string itemId, HttpContext context, CourseAccess access, IClusterClient cluster)
    {
        if (await Manage(access, context, courseId) is { } denied)
        {
            return denied;
        }

        if (!Ids.IsValid(itemId))
        {
            return Problems.NotFound($"Item '{itemId}' is not in the bank of '{courseId}'.");
        }

        var result = await cluster.ByKey<IQuestionBankGrain>(courseId).Remove(itemId);
        if (!result.Succeeded)
        {
            return Problems.From(result);
        }

        await context.AuditAsync("question.delete", $"course:{courseId}", $"item={itemId}");
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<AssessmentResponse>, ProblemHttpResult>> GetAssessment(
        string courseId, string lessonId, HttpContext context, CourseAccess access, IClusterClient cluster)
    {
        var caller = context.Caller();
        if (!Ids.IsValid(courseId) || !Ids.IsValid(lessonId))
        {
            return Problems.NotFound($"Course '{courseId}' has no lesson '{lessonId}'.");
        }

        var decision = await access.CheckAsync(caller, courseId, CoursePermission.Manage);
        if (decision != CourseAccessDecision.Allowed)
        {
            if (!caller.IsLearner || decision == CourseAccessDecision.NotFound)
            {
                return Denied(decision, courseId);
            }

            if (await access.CheckAsync(caller, courseId, CoursePermission.ViewContent) != CourseAccessDecision.Allowed)
            {
                return Problems.Forbidden(CourseAccess.NotStudyingDetail(caller.Id, courseId));
            }
        }

        var definition = await cluster.ByKey<IQuestionBankGrain>(courseId).GetAssessment(lessonId);
        return definition is null
            ? Problems.NotFound($"Lesson '{lessonId}' of '{courseId}' has no assessment.")
            : TypedResults.Ok(AssessmentResponse.From(courseId, lessonId, definition));
    }

    private static async Task<Results<Ok<AssessmentResponse>, ProblemHttpResult>> PutAssessment(
        string courseId, string lessonId, AssessmentBody body, HttpContext context, CourseAccess access, IClusterClient cluster)
    {
        if (await Manage(access, context, courseId) is { } denied)
        {
            return denied;
        }

        var definition = body.ToDefinition();
        var result = await cluster.ByKey<IQuestionBankGrain>(courseId).SetAssessment(lessonId, definition);
        if (!result.Succeeded)
        {
            return Problems.From(result);
        }

        await context.AuditAsync("assessment.set", $"course:{courseId}", $"lesson={lessonId}");
        return TypedResults.Ok(AssessmentResponse.From(courseId, lessonId, definition));
    }

    private static async Task<Results<Ok<ItemAnalysisResponse>, ProblemHttpResult>> ItemAnalysis(
        string courseId, HttpContext context, CourseAccess access, IClusterClient cluster)
    {
        var decision = Ids.IsValid(courseId)
            ? await access.CheckAsync(context.Caller(), courseId, CoursePermission.ReadAnalytics)
            : CourseAccessDecision.NotFound;
        if (decision != CourseAccessDecision.Allowed)
        {
            return Denied(decision, courseId);
        }

        var bank = cluster.ByKey<IQuestionBankGrain>(courseId);
        var statistics = await cluster.ByKey<IItemAnalysisGrain>(courseId).Get();
        var items = (await bank.List(null, null, IQuestionBankGrain.MaxItems)).ToDictionary(i => i.Id, StringComparer.Ordinal);
        var rows = statistics
            .Select(s => (s.ItemId, Stats: (ItemStatistics?)s))
            .Concat(items.Keys.Where(id => statistics.All(s => s.ItemId != id)).Select(id => (ItemId: id, Stats: (ItemStatistics?)null)))
            .OrderBy(r => r.ItemId, StringComparer.Ordinal)
            .Select(r =>
            {
                var item = items.GetValueOrDefault(r.ItemId);
                var s = r.Stats;
                return new ItemAnalysisRow(
                    r.ItemId, item?.Prompt, item?.Kind, item?.Skills, s?.Attempts ?? 0, s?.ShareCorrect ?? 0, s?.Discrimination,
                    s?.Predicted ?? 0, s?.ExpectedCorrect, s?.ObservedCorrect, s?.ZScore, s?.OutOfLine ?? false, s?.Reason);
            })
            .ToList();
        return TypedResults.Ok(new ItemAnalysisResponse(courseId, IItemAnalysisGrain.MinPredicted, IItemAnalysisGrain.ZThreshold, rows));
    }

    private static async Task<Results<Ok<AttemptsView>, ProblemHttpResult>> GetAttempts(
        string learnerId, string courseId, string lessonId, HttpContext context, IClusterClient cluster)
    {
        if (await Attempter(context, cluster, learnerId, courseId, lessonId) is { } denied)
        {
            return denied;
        }

        return TypedResults.Ok(await cluster.ByKey<IAssessmentAttemptGrain>(AttemptKeys.Of(learnerId, courseId, lessonId)).Get());
    }

    private static async Task<Results<Ok<AttemptResponse>, Created<AttemptResponse>, ProblemHttpResult>> StartAttempt(
        string learnerId, string courseId, string lessonId, HttpContext context, IClusterClient cluster)
    {
        if (await Attempter(context, cluster, learnerId, courseId, lessonId) is { } denied)
        {
            return denied;
        }

        var outcome = await cluster.ByKey<IAssessmentAttemptGrain>(AttemptKeys.Of(learnerId, courseId, lessonId)).Start();
        if (!outcome.Result.Succeeded)
        {
            return Problems.From(outcome.Result);
        }

        var attempt = AttemptResponse.From(outcome.Attempt!);
        return outcome.Resumed
            ? TypedResults.Ok(attempt)
            : TypedResults.Created($"/api/learners/{learnerId}/courses/{courseId}/lessons/{lessonId}/attempts/{attempt.Id}", attempt);
    }

    private static async Task<Results<Ok<AnswerResponse>, ProblemHttpResult>> AnswerItem(
        string learnerId, string courseId, string lessonId, int attempt, AnswerBody body, HttpContext context, IClusterClient cluster)
    {
        if (await Attempter(context, cluster, learnerId, courseId, lessonId) is { } denied)
        {
            return denied;
        }

        if (!Ids.IsValid(body.ItemId))
        {
            return Problems.BadRequest("itemId must be 1-64 characters of [a-z0-9-].", "itemId");
        }

        if (AnswerProblem(body) is { } problem)
        {
            return problem;
        }

        var outcome = await cluster.ByKey<IAssessmentAttemptGrain>(AttemptKeys.Of(learnerId, courseId, lessonId)).Answer(attempt, body.ItemId!, body.ToAnswer()!);
        return outcome.Result.Succeeded
            ? TypedResults.Ok(AnswerResponse.From(outcome.Feedback!, outcome.Attempt!))
            : Problems.From(outcome.Result with { Field = outcome.Result.Field is null ? null : body.FieldOf(outcome.Result.Field) });
    }

    /// <summary>400 naming the field when the answer's text, choices or <c>response</c> are out of shape or bounds.</summary>
    internal static ProblemHttpResult? AnswerProblem(AnswerBody body)
    {
        if (body.Text is { Length: > ItemAnswer.MaxTextLength })
        {
            return Problems.BadRequest($"text holds at most {ItemAnswer.MaxTextLength} characters.", "text");
        }

        if (body.ChoiceIds is { Count: > QuestionValidator.MaxChoices })
        {
            return Problems.BadRequest($"choiceIds lists at most {QuestionValidator.MaxChoices} choices.", "choiceIds");
        }

        var answer = body.ToAnswer();
        if (answer is null)
        {
            return Problems.BadRequest($"response is a choice id, a list of at most {QuestionValidator.MaxChoices} choice ids, a number or a text.", "response");
        }

        return answer.Text is { Length: > ItemAnswer.MaxTextLength }
            ? Problems.BadRequest($"response holds at most {ItemAnswer.MaxTextLength} characters.", "response")
            : null;
    }

    private static async Task<Results<Ok<AttemptResponse>, ProblemHttpResult>> SubmitAttempt(
        string learnerId, string courseId, string lessonId, int attempt, HttpContext context, IClusterClient cluster)
    {
        if (await Attempter(context, cluster, learnerId, courseId, lessonId) is { } denied)
        {
            return denied;
        }

        var outcome = await cluster.ByKey<IAssessmentAttemptGrain>(AttemptKeys.Of(learnerId, courseId, lessonId)).Submit(attempt);
        return outcome.Result.Succeeded ? TypedResults.Ok(AttemptResponse.From(outcome.Attempt!)) : Problems.From(outcome.Result);
    }

    private static async Task<ProblemHttpResult?> Manage(CourseAccess access, HttpContext context, string courseId)
    {
        var decision = Ids.IsValid(courseId)
            ? await access.CheckAsync(context.Caller(), courseId, CoursePermission.Manage)
            : CourseAccessDecision.NotFound;
        return decision == CourseAccessDecision.Allowed ? null : Denied(decision, courseId);
    }

    private static ProblemHttpResult Denied(CourseAccessDecision decision, string courseId) => decision == CourseAccessDecision.NotFound
        ? Problems.NotFound($"Course '{courseId}' does not exist.")
        : Problems.Forbidden($"Only admins and the trainers of '{courseId}' may do this.");

    /// <summary>The learner themself or an admin, about a published course the learner is actively enrolled in, on a quiz or assignment lesson.</summary>
    private static async Task<ProblemHttpResult?> Attempter(HttpContext context, IClusterClient cluster, string learnerId, string courseId, string lessonId)
    {
        if (LearnerAccess.Check(context.Caller(), learnerId) is { } denied)
        {
            return denied;
        }

        if (!Ids.IsValid(learnerId) || !Ids.IsValid(courseId) || !Ids.IsValid(lessonId))
        {
            return Problems.NotFound($"Course '{courseId}' has no lesson '{lessonId}'.");
        }

        var course = await cluster.ByKey<ICourseGrain>(courseId).Get();
        if (course is null || !course.Published)
        {
            return Problems.NotFound($"Course '{courseId}' does not exist.");
        }

        var lesson = course.Definition.AllLessons().FirstOrDefault(l => l.Id == lessonId);
        if (lesson is null || !LessonKinds.IsGraded(lesson.Kind))
        {
            return Problems.NotFound($"Course '{courseId}' has no quiz or assignment '{lessonId}'.");
        }

        return await CourseAccess.StudiesAsync(cluster, course, learnerId)
            ? null
            : Problems.Forbidden(CourseAccess.NotStudyingDetail(learnerId, courseId));
    }
}
