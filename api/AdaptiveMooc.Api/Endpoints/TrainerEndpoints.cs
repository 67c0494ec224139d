using System.Net.Mail;
using AdaptiveMooc.Api.Http;
using AdaptiveMooc.Api.Security;
using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Learners;
using AdaptiveMooc.Grains.Abstractions.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdaptiveMooc.Api.Endpoints;

/// <summary>
/// Trainer accounts, created by admins. Co-trainers are added by course owners through
/// <c>POST /api/courses/{courseId}/trainers</c> (CourseEndpoints), which may use <see cref="CourseAccess"/>.
/// </summary>
public static class TrainerEndpoints
{
    private const int MaxNameLength = 200;

    public static IEndpointRouteBuilder MapTrainerEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var trainers = app.MapGroup("/api/trainers").WithTags("Trainers");
        trainers.MapPost("/", Create).WithName("CreateTrainer").RequireAuthorization(MoocPolicies.Admin);
        trainers.MapGet("/", List).WithName("ListTrainers").RequireAuthorization(MoocPolicies.Admin)
            .WithSummary("Trainer accounts in id order, paged (limit, after); admins only.");
        trainers.MapGet("/{id}", Get).WithName("GetTrainer");
        return app;
    }

    public sealed record CreateTrainerRequest(string? Id, string? Name, string? Email, string? Password);

    public sealed record TrainerResponse(string Id, string Name, string Email, DateTimeOffset CreatedAt);

    public sealed record TrainerList(IReadOnlyList<TrainerResponse> Items, string? Next);

    private static async Task<Results<Created<TrainerResponse>, ProblemHttpResult>> Create(
        CreateTrainerRequest? request, IGrainFactory grains, TimeProvider time, HttpContext http, Accounts.AccountMail mail)
    {
        if (!Ids.IsValid(request?.Id))
        {
            return Problem(StatusCodes.Status400BadRequest, "id must be 1-64 of [a-z0-9-].");
        }

        var name = request!.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength)
        {
            return Problem(StatusCodes.Status400BadRequest, $"name is required (1-{MaxNameLength} characters).");
        }

        var email = request.Email?.Trim();
        if (email is null || email.Length > 254 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
        {
            return Problem(StatusCodes.Status400BadRequest, "email must be an e-mail address.");
        }

        if (Passwords.Problem(request.Password) is { } passwordProblem)
        {
            return Problem(StatusCodes.Status400BadRequest, passwordProblem);
        }

        var id = request.Id!;
        var trainer = grains.ByKey<ITrainerGrain>(id);
        var directory = grains.ByKey<ITrainerDirectoryGrain>(ITrainerDirectoryGrain.Key);
        if (await trainer.GetProfile() is { } existing)
        {
            // A crash between creating the account and listing it is healed by the retry that lands here.
            await directory.Add(existing);
            return Problem(StatusCodes.Status409Conflict, $"id: trainer '{id}' already exists.");
        }

        // One account namespace: a learner (or a deleted learner, whose id stays held) has this id already.
        var learner = grains.ByKey<ILearnerGrain>(id);
        if (await learner.GetAccount() is not null || await learner.IsErased())
        {
            return Problem(StatusCodes.Status409Conflict, $"id: '{id}' is already taken by another account.");
        }

        var emailIndex = grains.ByKey<IEmailIndexGrain>(IEmailIndexGrain.KeyOf(email));
        if (!await emailIndex.Claim(EmailOwner.Trainer, id))
        {
            return Problem(StatusCodes.Status409Conflict, "email is already used by another account.");
        }

        var now = time.GetUtcNow();
        if (!await trainer.Create(new NewTrainer(name, email, Passwords.Hash(request.Password!), now)))
        {
            await emailIndex.Release(EmailOwner.Trainer, id);
            return Problem(StatusCodes.Status409Conflict, $"id: '{id}' is already taken by another account.");
        }

        await directory.Add(new TrainerProfile(id, name, email, now));
        await mail.SendVerificationAsync((await trainer.GetAccount())!, email);
        await http.AuditAsync("trainer.create", $"trainer:{id}");
        return TypedResults.Created($"/api/trainers/{id}", new TrainerResponse(id, name, email, now));
    }

    private static async Task<Results<Ok<TrainerList>, ProblemHttpResult>> List(int? limit, string? after, IGrainFactory grains)
    {
        if (!Paging.TryLimit(limit, out var take, out var limitProblem))
        {
            return limitProblem;
        }

        if (!Paging.TryDecode(after, out var afterId) || (afterId is not null && !Ids.IsValid(afterId)))
        {
            return Problem(StatusCodes.Status400BadRequest, "after is not a cursor this list returned.");
        }

        var page = await grains.ByKey<ITrainerDirectoryGrain>(ITrainerDirectoryGrain.Key).List(take, afterId);
        var next = page.NextAfterId is null ? null : Paging.Encode(page.NextAfterId);
        return TypedResults.Ok(new TrainerList(
            page.Items.Select(t => new TrainerResponse(t.Id, t.Name, t.Email, t.CreatedAt)).ToList(), next));
    }

    private static async Task<Results<Ok<TrainerResponse>, ProblemHttpResult>> Get(string id, IGrainFactory grains, HttpContext http)
    {
        var caller = http.Caller();
        var visible = caller.IsAdmin || (caller.IsTrainer && caller.Id == id);
        if (!visible || !Ids.IsValid(id) || await grains.ByKey<ITrainerGrain>(id).GetProfile() is not { } profile)
        {
            // Trainer accounts are private to themselves and admins: others cannot tell whether one exists.
            return Problem(StatusCodes.Status404NotFound, $"No trainer with id '{id}'.");
        }

        return TypedResults.Ok(new TrainerResponse(profile.Id, profile.Name, profile.Email, profile.CreatedAt));
    }

    private static ProblemHttpResult Problem(int status, string detail) => TypedResults.Problem(
        detail: detail,
        statusCode: status,
        title: status switch
        {
            StatusCodes.Status400BadRequest => "Invalid request",
            StatusCodes.Status403Forbidden => "Forbidden",
            StatusCodes.Status404NotFound => "Not found",
            _ => "Conflict",
        });
}
