using System.Net.Mail;
using AdaptiveMooc.Api.Contracts;
using AdaptiveMooc.Api.Http;
using AdaptiveMooc.Api.Payments;
using AdaptiveMooc.Api.Security;
using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Courses;
using AdaptiveMooc.Grains.Abstractions.Learners;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace AdaptiveMooc.Api.Endpoints;

public static class LearnerEndpoints
{
    // The sign-in route's bounds (Passwords), so every password registration takes can sign in.
    public const int MinPasswordLength = Passwords.MinLength;
    public const int MaxPasswordLength = Passwords.MaxLength;

    // A past enrolledAt/withdrawal "at" within this margin is clock skew, not backdating.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public static IEndpointRouteBuilder MapLearnerEndpoints(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var group = routes.MapGroup("/api/learners").WithTags("Learners");
        group.MapPost("/", Register).WithName("RegisterLearner").AllowAnonymous();
        group.MapGet("/{learnerId}", Get).WithName("GetLearner");
        group.MapPut("/{learnerId}/availability", UpdateAvailability).WithName("UpdateAvailability");
        group.MapPost("/{learnerId}/enrollments", Enroll).WithName("Enroll");
        group.MapGet("/{learnerId}/enrollments", ListEnrolments).WithName("ListEnrollments");
        group.MapPost("/{learnerId}/enrollments/{courseId}/withdrawal", Withdraw).WithName("Withdraw");
        group.MapGet("/{learnerId}/courses/{courseId}/progress", Progress).WithName("GetProgress");
        return routes;
    }

    private static async Task<Results<Created<LearnerResponse>, ProblemHttpResult>> Register(
        RegisterLearnerBody body, IClusterClient cluster, Accounts.AccountMail mail)
    {
        if (!Ids.IsValid(body.Id))
        {
            return Problems.BadRequest("id must be 1-64 characters of [a-z0-9-].", "id");
        }

        if (body.Id!.StartsWith(OidcClaimMapper.IdPrefix, StringComparison.Ordinal))
        {
            return Problems.BadRequest($"id: ids starting with '{OidcClaimMapper.IdPrefix}' are reserved for external sign-in.", "id");
        }

        if (string.IsNullOrWhiteSpace(body.Name) || body.Name.Length > 200)
        {
            return Problems.BadRequest("name is required (at most 200 characters).", "name");
        }

        if (body.Email is not { Length: <= 254 } email || !MailAddress.TryCreate(email.Trim(), out var address) || address.Address != email.Trim())
        {
            return Problems.BadRequest("email must be an e-mail address such as 'ada@example.org'.", "email");
        }

        if (body.Password is not { Length: >= MinPasswordLength and <= MaxPasswordLength } password)
        {
            return Problems.BadRequest($"password must be {MinPasswordLength}-{MaxPasswordLength} characters.", "password");
        }

        if (body.Timezone is null)
        {
            return Problems.BadRequest("timezone is required (an IANA name such as 'Europe/Paris').", "timezone");
        }

        if (!WeeklyWindows.TryParse(body.WeeklyAvailability ?? [], out var windows, out var field, out var detail))
        {
            return Problems.BadRequest(detail!, field);
        }

        if (AvailabilityValidator.Validate(body.Timezone, windows) is { } problem)
        {
            return Problems.From(problem);
        }

        var registration = new LearnerRegistration(
            body.Id!, body.Name.Trim(), email.Trim(), Passwords.Hash(password), body.Timezone, windows);
        var grain = cluster.ByKey<ILearnerGrain>(registration.Id);
        var result = await grain.Register(registration);
        if (!result.Succeeded)
        {
            return Problems.From(result);
        }

        var profile = await grain.GetProfile();
        await mail.SendVerificationAsync((await grain.GetAccount())!, registration.Email);
        return TypedResults.Created($"/api/learners/{registration.Id}", LearnerResponse.From(profile!));
    }

    private static async Task<Results<Ok<LearnerResponse>, ProblemHttpResult>> Get(
        string learnerId, HttpContext context, IClusterClient cluster)
    {
        if (LearnerAccess.Check(context.Caller(), learnerId) is { } denied)
        {
            return denied;
        }

        var profile = Ids.IsValid(learnerId) ? await cluster.ByKey<ILearnerGrain>(learnerId).GetProfile() : null;
        return profile is null ? Problems.NotFound($"Learner '{learnerId}' does not exist.") : TypedResults.Ok(LearnerResponse.From(profile));
    }

    private static async Task<Results<Ok<LearnerResponse>, ProblemHttpResult>> UpdateAvailability(
        string learnerId, AvailabilityBody body, HttpContext context, IClusterClient cluster)
    {
        if (LearnerAccess.Check(context.Caller(), learnerId) is { } denied)
        {
            return denied;
        }

        if (!WeeklyWindows.TryParse(body.WeeklyAvailability, out var windows, out var field, out var detail))
        {
            return Problems.BadRequest(detail!, field);
        }

        if (AvailabilityValidator.Validate(body.Timezone, windows) is { } problem)
        {
            return Problems.From(problem);
        }

        var grain = cluster.ByKey<ILearnerGrain>(learnerId);
        var result = Ids.IsValid(learnerId)
            ? await grain.UpdateAvailability(body.Timezone, windows)
            : CommandResult.NotFound($"Learner '{learnerId}' does not exist.");
        return result.Succeeded ? TypedResults.Ok(LearnerResponse.From((await grain.GetProfile())!)) : Problems.From(result);
    }

    private static async Task<Results<Created<EnrolmentResponse>, ProblemHttpResult>> Enroll(
        string learnerId, EnrolBody body, HttpContext context, IClusterClient cluster, TimeProvider clock)
    {
        var caller = context.Caller();
        if (LearnerAccess.Check(caller, learnerId) is { } denied)
        {
            return denied;
        }

        if (!Ids.IsValid(body.CourseId))
        {
            return Problems.BadRequest("courseId must be 1-64 characters of [a-z0-9-].", "courseId");
        }

        if (body.WeeklyStudyHours is { } hours && !(hours > 0 && hours <= EnrolmentRequest.MaxWeeklyStudyHours))
        {
            return Problems.BadRequest($"weeklyStudyHours must be a number of hours above 0 and at most {EnrolmentRequest.MaxWeeklyStudyHours}.", "weeklyStudyHours");
        }

        var now = clock.GetUtcNow();
        if (body.EnrolledAt is { } at)
        {
            if (at > now + ClockSkew)
            {
                return Problems.BadRequest("enrolledAt cannot be in the future.", "enrolledAt");
            }

            if (at < now - ClockSkew && !LearnerAccess.MayBackdate(caller))
            {
                return Problems.Forbidden("Only admins and importers may give an enrolledAt in the past.");
            }
        }

        var grain = cluster.ByKey<ILearnerGrain>(learnerId);
        string? source = null;
        if (body.OrderId is not null || body.Voucher is not null)
        {
            if (!Ids.IsValid(learnerId) || await grain.GetProfile() is null)
            {
                return Problems.NotFound($"Learner '{learnerId}' does not exist.");
            }

            (source, var problem) = await PaidAccess.ClaimAsync(cluster, learnerId, body.CourseId!, body.OrderId, body.Voucher, now);
            if (problem is not null)
            {
                return problem;
            }

            // The payment or the redemption enrolled the learner already: this call answers that enrolment.
            if ((await grain.GetEnrolments()).FirstOrDefault(e => e.Active && e.CourseId == body.CourseId) is { } made)
            {
                return TypedResults.Created($"/api/learners/{learnerId}/enrollments/{made.CourseId}", EnrolmentResponse.From(made));
            }
        }

        var request = new EnrolmentRequest(body.CourseId!, body.TargetDate, source, body.EnrolledAt ?? now, body.WeeklyStudyHours);
        var result = Ids.IsValid(learnerId) ? await grain.Enroll(request) : CommandResult.NotFound($"Learner '{learnerId}' does not exist.");
        if (!result.Succeeded)
        {
            return Problems.From(result);
        }

        var enrolment = (await grain.GetEnrolments()).Single(e => e.CourseId == request.CourseId);
        return TypedResults.Created($"/api/learners/{learnerId}/enrollments/{request.CourseId}", EnrolmentResponse.From(enrolment));
    }

    private static async Task<Results<Ok<Page<EnrolmentResponse>>, ProblemHttpResult>> ListEnrolments(
        string learnerId, HttpContext context, IClusterClient cluster, int? limit, string? after)
    {
        if (LearnerAccess.Check(context.Caller(), learnerId) is { } denied)
        {
            return denied;
        }

        if (Paging.CheckLimit(limit) is { } limitProblem)
        {
            return Problems.BadRequest(limitProblem, "limit");
        }

        if (!Paging.TryDecode(after, out var position))
        {
            return Problems.BadRequest("after is not a cursor this API returned.", "after");
        }

        var grain = cluster.ByKey<ILearnerGrain>(learnerId);
        if (!Ids.IsValid(learnerId) || await grain.GetProfile() is null)
        {
            return Problems.NotFound($"Learner '{learnerId}' does not exist.");
        }

        var take = limit ?? Paging.DefaultLimit;
        var ordered = (await grain.GetEnrolments()).OrderBy(e => e.CourseId, StringComparer.Ordinal)
            .Where(e => position is null || string.CompareOrdinal(e.CourseId, position) > 0)
            .Take(take + 1)
            .ToList();
        var next = ordered.Count > take ? Paging.Encode(ordered[take - 1].CourseId) : null;
        return TypedResults.Ok(new Page<EnrolmentResponse>([.. ordered.Take(take).Select(EnrolmentResponse.From)], next));
    }

    private static async Task<Results<Ok<EnrolmentResponse>, ProblemHttpResult>> Withdraw(
        string learnerId, string courseId, WithdrawalBody? body, HttpContext context, IClusterClient cluster, TimeProvider clock)
    {
        var caller = context.Caller();
        if (LearnerAccess.Check(caller, learnerId) is { } denied)
        {
            return denied;
        }

        if (body?.Reason is { Length: > 1000 })
        {
            return Problems.BadRequest("reason holds at most 1000 characters.", "reason");
        }

        var now = clock.GetUtcNow();
        var at = body?.At ?? now;
        if (at > now + ClockSkew)
        {
            return Problems.BadRequest("at cannot be in the future.", "at");
        }

        if (at < now - ClockSkew && !LearnerAccess.MayBackdate(caller))
        {
            return Problems.Forbidden("Only admins and importers may give a withdrawal time in the past.");
        }

        var grain = cluster.ByKey<ILearnerGrain>(learnerId);
        var result = Ids.IsValid(learnerId) && Ids.IsValid(courseId)
            ? await grain.Withdraw(courseId, at, body?.Reason)
            : CommandResult.NotFound($"Learner '{learnerId}' is not enrolled in '{courseId}'.");
        if (!result.Succeeded)
        {
            return Problems.From(result);
        }

        return TypedResults.Ok(EnrolmentResponse.From((await grain.GetEnrolments()).Single(e => e.CourseId == courseId)));
    }

    private static async Task<Results<Ok<CourseProgress>, ProblemHttpResult>> Progress(
        string learnerId, string courseId, HttpContext context, IClusterClient cluster)
    {
        var caller = context.Caller();
        if (LearnerAccess.Check(caller, learnerId, Scopes.StatementsRead) is { } denied)
        {
            if (!caller.IsTrainer || !Ids.IsValid(courseId)
                || await cluster.ByKey<ICourseGrain>(courseId).Get() is not { } course || !course.IsTaughtBy(caller.Id))
            {
                return denied;
            }
        }

        var progress = Ids.IsValid(learnerId) && Ids.IsValid(courseId)
            ? await cluster.ByKey<ILearnerGrain>(learnerId).GetProgress(courseId)
            : null;
        return progress is null
            ? Problems.NotFound($"Learner '{learnerId}' has no enrolment in or activity about course '{courseId}'.")
            : TypedResults.Ok(progress);
    }
}
