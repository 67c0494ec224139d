using AdaptiveMooc.Api.Contracts;
using AdaptiveMooc.Api.Http;
using AdaptiveMooc.Api.Security;
using AdaptiveMooc.Grains.Abstractions.Assessments;
using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Courses;
using AdaptiveMooc.Grains.Abstractions.Providers;
using AdaptiveMooc.Grains.Abstractions.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdaptiveMooc.Api.Endpoints;

public static class CourseEndpoints
{
    public static IEndpointRouteBuilder MapCourseEndpoints(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var group = routes.MapGroup("/api/courses").WithTags("Courses");
        group.MapPost("/", Create).WithName("CreateCourse");
        group.MapGet("/", List).WithName("ListCourses");
        group.MapGet("/{courseId}", Get).WithName("GetCourse");
        group.MapPut("/{courseId}", Update).WithName("UpdateCourse");
        group.MapPost("/{courseId}/publish", Publish).WithName("PublishCourse");
        group.MapPost("/{courseId}/trainers", AddTrainer).WithName("AddCoTrainer");
        return routes;
    }

    private static async Task<Results<Created<CourseResponse>, ProblemHttpResult>> Create(
        CourseBody body, HttpContext context, IClusterClient cluster)
    {
        var caller = context.Caller();
        if (caller.IsApiKey && body.Id is { } newId && !caller.CoversCourse(newId))
        {
            return Problems.Forbidden($"This API key is limited to other courses than '{newId}'.");
        }

        string owner;
        if (caller.IsTrainer)
        {
            if (body.OwnerTrainerId is { } other && other != caller.Id)
            {
                return Problems.Forbidden("A trainer creates courses they own; ownerTrainerId must be omitted or be your own id.");
            }

            owner = caller.Id;
        }
        else if (caller.IsAdmin || caller.HasScope(Scopes.CoursesWrite))
        {
            owner = body.OwnerTrainerId ?? (caller.IsAdmin ? "admin" : string.Empty);
            if (!Ids.IsValid(owner))
            {
                return Problems.BadRequest("ownerTrainerId must be 1-64 characters of [a-z0-9-] (required for API keys).", "ownerTrainerId");
            }
        }
        else
        {
            return Problems.Forbidden("Only trainers and admins create courses.");
        }

        if (body.Id is null)
        {
            return Problems.BadRequest("id is required.", "id");
        }

        var definition = body.ToDefinition(body.Id);
        if (CourseValidator.Validate(definition) is { } problem)
        {
            return Problems.From(problem);
        }

        if (await ContentEndpoints.MissingMedia(cluster, definition, context.RequestServices.GetRequiredService<Media.IMediaStore>()) is { } missingMedia)
        {
            return missingMedia;
        }

        if (await ProviderProblemAsync(cluster, caller, definition.ProviderId, null) is { } providerProblem)
        {
            return providerProblem;
        }

        var grain = cluster.ByKey<ICourseGrain>(definition.Id);
        var result = await grain.Create(definition, owner);
        if (!result.Succeeded)
        {
            return Problems.From(result);
        }

        if (definition.ProviderId is { } providerId)
        {
            await cluster.ByKey<IProviderGrain>(providerId).AddCourse(definition.Id);
        }

        await context.AuditAsync("course.create", $"course:{definition.Id}", $"owner={owner}");
        var snapshot = await grain.Get();
        return TypedResults.Created($"/api/courses/{definition.Id}", CourseResponse.From(snapshot!));
    }

    private static async Task<Results<Ok<Page<CourseSummary>>, ProblemHttpResult>> List(
        HttpContext context, IClusterClient cluster, string? field, string? pricing, string? q, int? limit, string? after)
    {
        if (Paging.CheckLimit(limit) is { } limitProblem)
        {
            return Problems.BadRequest(limitProblem, "limit");
        }

        if (pricing is not (null or Pricing.Free or Pricing.Paid))
        {
            return Problems.BadRequest("pricing must be free or paid.", "pricing");
        }

        if (q is { Length: > 200 } || field is { Length: > 100 })
        {
            return Problems.BadRequest("q holds at most 200 and field at most 100 characters.", q is { Length: > 200 } ? "q" : "field");
        }

        if (!Paging.TryDecode(after, out var position))
        {
            return Problems.BadRequest("after is not a cursor this API returned.", "after");
        }

        var caller = context.Caller();
        var query = new CatalogueQuery(
            field, pricing, string.IsNullOrWhiteSpace(q) ? null : q.Trim(), position, limit ?? Paging.DefaultLimit,
            caller.IsTrainer ? caller.Id : null,
            caller.IsAdmin || caller.HasScope(Scopes.CoursesWrite));
        var page = await cluster.ByKey<ICourseCatalogueGrain>(ICourseCatalogueGrain.Key).List(query);
        return TypedResults.Ok(new Page<CourseSummary>(page.Items, page.Next is null ? null : Paging.Encode(page.Next)));
    }

    private static async Task<Results<Ok<CourseResponse>, ProblemHttpResult>> Get(
        string courseId, HttpContext context, IClusterClient cluster, CourseAccess access)
    {
        var snapshot = Ids.IsValid(courseId) ? await cluster.ByKey<ICourseGrain>(courseId).Get() : null;
        if (snapshot is null || (!snapshot.Published && !MayManage(context.Caller(), snapshot)))
        {
            return Problems.NotFound($"Course '{courseId}' does not exist.");
        }

        // The syllabus is public; a paid course's lesson links are for those with access (docs/PAYMENTS.md),
        // and the Markdown bodies only for its managers (readers get them sanitised from the content route).
        var response = CourseResponse.From(snapshot, withBodies: MayManage(context.Caller(), snapshot));
        return TypedResults.Ok(await access.MaySeeContentAsync(context.Caller(), snapshot) ? response : response.WithoutContent());
    }

    /// <summary>
    /// A course joins a provider when the provider exists and the caller is an admin or one of its trainers;
    /// once set, only admins move it to another provider (or take it out).
    /// </summary>
    private static async Task<ProblemHttpResult?> ProviderProblemAsync(IClusterClient cluster, Caller caller, string? providerId, string? currentProviderId)
    {
        if (providerId == currentProviderId)
        {
            return null;
        }

        if (currentProviderId is not null && !caller.IsAdmin)
        {
            return Problems.BadRequest($"providerId: the course belongs to provider '{currentProviderId}'; only admins move it.", "providerId");
        }

        if (providerId is null)
        {
            return null;
        }

        var provider = await cluster.ByKey<IProviderGrain>(providerId).Get();
        if (provider is null)
        {
            return Problems.BadRequest($"providerId: provider '{providerId}' does not exist.", "providerId");
        }

        return caller.IsAdmin || (caller.IsTrainer && provider.IsTrainer(caller.Id))
            ? null
            : Problems.Forbidden($"Only the trainers of provider '{providerId}' and admins give it courses.");
    }

    private static async Task<Results<Ok<CourseResponse>, ProblemHttpResult>> Update(
        string courseId, CourseBody body, HttpContext context, IClusterClient cluster)
    {
        if (body.Id is { } id && id != courseId)
        {
            return Problems.BadRequest($"The body's id '{id}' differs from the route's '{courseId}'.", "id");
        }

        var grain = cluster.ByKey<ICourseGrain>(courseId);
        if (await Managed(grain, context.Caller(), courseId) is { } denied)
        {
            return denied;
        }

        var definition = body.ToDefinition(courseId);
        if (CourseValidator.Validate(definition) is { } problem)
        {
            return Problems.From(problem);
        }

        if (await ContentEndpoints.MissingMedia(cluster, definition, context.RequestServices.GetRequiredService<Media.IMediaStore>()) is { } missingMedia)
        {
            return missingMedia;
        }

        var current = (await grain.Get())!;
        if (await ProviderProblemAsync(cluster, context.Caller(), definition.ProviderId, current.Definition.ProviderId) is { } providerProblem)
        {
            return providerProblem;
        }

        // On a published course the edit is published at once: its quizzes must find their items in the bank.
        if (current.Published && await UnpublishableAsync(cluster, definition) is { } unpublishable)
        {
            return unpublishable;
        }

        var result = await grain.Update(definition);
        if (!result.Succeeded)
        {
            return Problems.From(result);
        }

        if (definition.ProviderId is { } providerId)
        {
            await cluster.ByKey<IProviderGrain>(providerId).AddCourse(courseId);
        }

        await context.AuditAsync("course.update", $"course:{courseId}");
        return TypedResults.Ok(CourseResponse.From((await grain.Get())!));
    }

    private static async Task<Results<Ok<CourseResponse>, ProblemHttpResult>> Publish(
        string courseId, HttpContext context, IClusterClient cluster)
    {
        var grain = cluster.ByKey<ICourseGrain>(courseId);
        if (await Managed(grain, context.Caller(), courseId) is { } denied)
        {
            return denied;
        }

        // What publishing would make public: the definition the first time, afterwards the waiting draft (none: the grain answers 409).
        var snapshot = (await grain.Get())!;
        var next = snapshot.Published ? (snapshot.HasDraft ? await grain.GetDraft() : null) : snapshot.Definition;
        if (next is not null && await UnpublishableAsync(cluster, next) is { } unpublishable)
        {
            return unpublishable;
        }

        var result = await grain.Publish();
        if (!result.Succeeded)
        {
            return Problems.From(result);
        }

        await context.AuditAsync("course.publish", $"course:{courseId}");
        return TypedResults.Ok(CourseResponse.From((await grain.Get())!));
    }

    /// <summary>
    /// 409 naming the missing item ids (and the first one's field) when a quiz or assignment of <paramref name="definition"/> lists
    /// items the course's question bank does not hold, or draws a pool the bank cannot fill (docs/ASSESSMENTS.md).
    /// </summary>
    private static async Task<ProblemHttpResult?> UnpublishableAsync(IClusterClient cluster, CourseDefinition definition) =>
        await cluster.ByKey<IQuestionBankGrain>(definition.Id).CheckPublishable(definition) is { } problem ? Problems.From(problem) : null;

    private static async Task<Results<Ok<CourseResponse>, ProblemHttpResult>> AddTrainer(
        string courseId, AddTrainerBody body, HttpContext context, IClusterClient cluster)
    {
        var caller = context.Caller();
        var grain = cluster.ByKey<ICourseGrain>(courseId);
        var snapshot = Ids.IsValid(courseId) ? await grain.Get() : null;
        if (snapshot is null || (!snapshot.Published && !MayManage(caller, snapshot)))
        {
            return Problems.NotFound($"Course '{courseId}' does not exist.");
        }

        if (!caller.IsAdmin && !(caller.IsTrainer && caller.Id == snapshot.OwnerTrainerId))
        {
            return Problems.Forbidden("Only the course's owner or an admin adds co-trainers.");
        }

        if (!Ids.IsValid(body.TrainerId))
        {
            return Problems.BadRequest("trainerId must be 1-64 characters of [a-z0-9-].", "trainerId");
        }

        if (await cluster.ByKey<ITrainerGrain>(body.TrainerId).GetProfile() is null)
        {
            return Problems.BadRequest($"trainerId '{body.TrainerId}' is not a trainer of the platform.", "trainerId");
        }

        var result = await grain.AddCoTrainer(body.TrainerId);
        if (!result.Succeeded)
        {
            return Problems.From(result);
        }

        await context.AuditAsync("course.trainer.add", $"course:{courseId}", $"trainer={body.TrainerId}");
        return TypedResults.Ok(CourseResponse.From((await grain.Get())!));
    }

    /// <summary>Admins, API keys with courses:write, and the course's owner and co-trainers.</summary>
    internal static bool MayManage(Caller caller, CourseSnapshot course) =>
        caller.IsAdmin || (caller.HasScope(Scopes.CoursesWrite) && caller.CoversCourse(course.Definition.Id)) || (caller.IsTrainer && course.IsTaughtBy(caller.Id));

    private static async Task<ProblemHttpResult?> Managed(ICourseGrain grain, Caller caller, string courseId)
    {
        var snapshot = Ids.IsValid(courseId) ? await grain.Get() : null;
        if (snapshot is null || (!snapshot.Published && !MayManage(caller, snapshot)))
        {
            return Problems.NotFound($"Course '{courseId}' does not exist.");
        }

        return MayManage(caller, snapshot) ? null : Problems.Forbidden($"Only admins and the trainers of '{courseId}' change it.");
    }
}
