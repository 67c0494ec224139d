using System.Net.Mail;
using AdaptiveMooc.Api.Accounts;
using AdaptiveMooc.Api.Contracts;
using AdaptiveMooc.Api.Http;
using AdaptiveMooc.Api.Security;
using AdaptiveMooc.Grains.Abstractions.Accounts;
using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Learners;
using AdaptiveMooc.Grains.Abstractions.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using AdaptiveMooc.Api.Xapi;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AdaptiveMooc.Api.Endpoints;

/// <summary>
/// The caller's own account (docs/ACCOUNTS.md): e-mail confirmation, password reset and change, name, address,
/// mail preferences, deletion and data export; plus the anonymous routes mailed links lead to.
/// </summary>
public static class AccountEndpoints
{
    private const string ResetAnswer = "If this address belongs to an account, a link to reset its password is on its way.";

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var anonymous = app.MapGroup("/api/account").WithTags("Account").AllowAnonymous();
        anonymous.MapPost("/password-reset", RequestReset).WithName("RequestPasswordReset")
            .WithSummary("Mails a single-use reset link; the same answer whether or not the address has an account.");
        anonymous.MapPost("/password-reset/confirm", ConfirmReset).WithName("ConfirmPasswordReset")
            .WithSummary("Sets a new password with a reset token; every login of the account ends.");
        anonymous.MapPost("/email-verification", ConfirmEmail).WithName("ConfirmEmail")
            .WithSummary("Confirms an address with the token mailed to it.");

        // The contract's names for the same three anonymous routes (docs/API.md, "Providers, orders, access, accounts, mail").
        var auth = app.MapGroup("/api/auth").WithTags("Account").AllowAnonymous();
        auth.MapPost("/password-reset", RequestReset).WithName("RequestPasswordResetContract")
            .WithSummary("As POST /api/account/password-reset: 202 whatever the address; the mail holds a single-use token.");
        auth.MapPost("/password-reset/confirm", ConfirmReset).WithName("ConfirmPasswordResetContract")
            .WithSummary("As POST /api/account/password-reset/confirm ({token, password}): 204; every login of the account ends.");
        auth.MapPost("/email-verification/confirm", ConfirmEmail).WithName("ConfirmEmailContract")
            .WithSummary("As POST /api/account/email-verification ({token}): 204.");

        var own = app.MapGroup("/api/account").WithTags("Account").RequireAuthorization(MoocPolicies.Account);
        own.MapGet("/", GetAccount).WithName("GetAccount").WithSummary("The caller's account.");
        own.MapPut("/profile", ChangeName).WithName("UpdateProfile").WithSummary("Changes the display name.");
        own.MapPut("/email", ChangeEmail).WithName("ChangeEmail")
            .WithSummary("Asks to change the address: a link goes to the new one, which replaces the old once confirmed.");
        own.MapPost("/email-verification/resend", ResendVerification).WithName("ResendEmailVerification")
            .WithSummary("Mails a new confirmation link to the current (or pending) address.");
        own.MapPost("/password", ChangePassword).WithName("ChangePassword")
            .WithSummary("Changes the password (the current one required); every other login ends, the answer is a new token pair.");
        own.MapGet("/mail-preferences", GetPreferences).WithName("GetMailPreferences").WithSummary("The mail categories switched off.");
        own.MapPut("/mail-preferences", SetPreferences).WithName("SetMailPreferences").WithSummary("Replaces the mail categories switched off.");
        own.MapPost("/deletion", Delete).WithName("DeleteAccount")
            .WithSummary("Deletes the learner's account (password required): personal data erased, statements kept pseudonymised.");
        own.MapPost("/exports", RequestExport).WithName("RequestDataExport").WithSummary("Starts a data export (zip of JSON and CSV), built in the background.");
        own.MapGet("/exports/{exportId:guid}", GetExport).WithName("GetDataExport").WithSummary("The state of a data export.");
        own.MapGet("/exports/{exportId:guid}/archive", DownloadExport).WithName("DownloadDataExport")
            .WithSummary("The export's zip; only the learner it is about can fetch it.");

        // The contract's learner-addressed forms: the learner themself or an admin (another learner: 404).
        var learners = app.MapGroup("/api/learners/{learnerId}").WithTags("Account");
        learners.MapDelete("/", DeleteLearner).WithName("DeleteLearner")
            .WithSummary("Erases the learner's account (the learner or an admin): as POST /api/account/deletion, without the password step; audited.");
        learners.MapPost("/exports", RequestLearnerExport).WithName("RequestLearnerExport")
            .WithSummary("Starts a data export of the learner (the learner or an admin): 202 {id}; built in the background.");
        learners.MapGet("/exports/{exportId}", GetLearnerExport).WithName("GetLearnerExport")
            .WithSummary("The export's {status, url}: pending, ready (url fetches the zip) or failed.");
        learners.MapGet("/exports/{exportId}/archive", DownloadLearnerExport).WithName("DownloadLearnerExport")
            .WithSummary("The export's zip (the learner or an admin; an admin's download is audited).");

        var mail = app.MapGroup("/api/mail").WithTags("Account").AllowAnonymous();
        mail.MapGet("/unsubscribe", ReadUnsubscribe).WithName("ReadUnsubscribe").WithSummary("What an unsubscribe link would switch off (changes nothing).");
        mail.MapPost("/unsubscribe", Unsubscribe).WithName("Unsubscribe").WithSummary("Switches a mail category off (the link's signed token is the credential; RFC 8058 one-click).");
        return app;
    }

    private static Results<Accepted<AcceptedResponse>, ProblemHttpResult> RequestReset(
        PasswordResetBody? body, IGrainFactory grains, AccountMail mail, ILoggerFactory logs)
    {
        if (ParseEmail(body?.Email) is not { } email)
        {
            return Problems.BadRequest("email must be an e-mail address such as 'ada@example.org'.", "email");
        }

        // Answered before the address is even looked up, so neither the answer nor its timing tells whether the
        // address has an account. A crash before the mail is queued loses only this request: the person asks again.
        _ = Task.Run(async () =>
        {
            try
            {
                if (await grains.ByKey<IEmailIndexGrain>(IEmailIndexGrain.KeyOf(email)).Resolve() is { } owner
                    && AccountGrain(grains, owner.Kind, owner.Id) is { } grain
                    && await grain.GetAccount() is { } account)
                {
                    await mail.SendResetAsync(account);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logs.CreateLogger(typeof(AccountEndpoints)).LogError(e, "Queueing a password reset mail failed.");
            }
        });
        return TypedResults.Accepted((string?)null, new AcceptedResponse(ResetAnswer));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ConfirmReset(
        PasswordResetConfirmBody? body, IGrainFactory grains, AccountMail mail, SessionRevocations sessions)
    {
        var field = body?.NewPassword is null ? "password" : "newPassword";
        var newPassword = body?.NewPassword ?? body?.Password;
        if (Passwords.Problem(newPassword) is { } passwordProblem)
        {
            return Problems.BadRequest(passwordProblem.Replace("password", field, StringComparison.Ordinal), field);
        }

        if (!ValidToken(body!.Token))
        {
            return Problems.BadRequest("token is required (the code from the reset link).", "token");
        }

        var grant = await mail.RedeemAsync(body.Token!, AccountTokenPurpose.ResetPassword);
        var account = grant is null ? null : AccountGrain(grains, grant.AccountKind, grant.AccountId);
        if (grant is null || account is null || await account.GetAccount() is not { } current || current.PasswordStamp != grant.PasswordStamp)
        {
            return Problems.BadRequest("token: the link is unknown, already used, expired, or older than the last password change.", "token");
        }

        var result = await account.ChangePassword(Passwords.Hash(newPassword!));
        if (!result.Succeeded)
        {
            return Problems.From(result);
        }

        await sessions.RevokeAllAsync(grant.AccountKind, grant.AccountId);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ConfirmEmail(EmailTokenBody? body, IGrainFactory grains, AccountMail mail)
    {
        if (!ValidToken(body?.Token))
        {
            return Problems.BadRequest("token is required (the code from the confirmation link).", "token");
        }

        if (await mail.RedeemAsync(body!.Token!, AccountTokenPurpose.VerifyEmail) is not { EmailDigest: { } digest } grant
            || AccountGrain(grains, grant.AccountKind, grant.AccountId) is not { } account)
        {
            return Problems.BadRequest("token: the link is unknown, already used or expired.", "token");
        }

        var result = await account.ConfirmEmail(digest);
        if (result.Succeeded)
        {
            await RefreshTrainerListing(grains, account);
        }

        return result.Succeeded ? TypedResults.NoContent()
            : result.Status == CommandStatus.NotFound ? Problems.BadRequest("token: " + result.Detail, "token")
            : Problems.From(result);
    }

    private static async Task<Results<Ok<AccountResponse>, ProblemHttpResult>> GetAccount(HttpContext http, IGrainFactory grains) =>
        await Own(http, grains) is { } account && await account.GetAccount() is { } view
            ? TypedResults.Ok(ToResponse(view))
            : NotAnAccount(http);

    private static async Task<Results<Ok<AccountResponse>, ProblemHttpResult>> ChangeName(ProfileBody? body, HttpContext http, IGrainFactory grains)
    {
        if (await Own(http, grains) is not { } account)
        {
            return NotAnAccount(http);
        }

        if (AccountRules.NameProblem(body?.Name) is { } problem)
        {
            return Problems.From(problem);
        }

        var result = await account.ChangeName(body!.Name!.Trim());
        if (result.Succeeded)
        {
            await RefreshTrainerListing(grains, account);
        }

        return result.Succeeded ? TypedResults.Ok(ToResponse((await account.GetAccount())!)) : Problems.From(result);
    }

    private static async Task<Results<Accepted<AccountResponse>, ProblemHttpResult>> ChangeEmail(
        EmailChangeBody? body, HttpContext http, IGrainFactory grains, AccountDirectory directory, AccountMail mail)
    {
        if (await Own(http, grains) is not { } account || await account.GetAccount() is not { } view)
        {
            return NotAnAccount(http);
        }

        if (ParseEmail(body?.Email) is not { } email)
        {
            return Problems.BadRequest("email must be an e-mail address such as 'ada@example.org'.", "email");
        }

        if (!await PasswordMatches(directory, view, body!.Password))
        {
            return Problems.BadRequest("password: the current password is required to change the address.", "password");
        }

        var result = await account.RequestEmailChange(email);
        if (!result.Succeeded)
        {
            return Problems.From(result);
        }

        var updated = (await account.GetAccount())!;
        await mail.SendVerificationAsync(updated, email);
        return TypedResults.Accepted("/api/account", ToResponse(updated));
    }

    private static async Task<Results<Accepted<AcceptedResponse>, ProblemHttpResult>> ResendVerification(
        HttpContext http, IGrainFactory grains, AccountMail mail)
    {
        if (await Own(http, grains) is not { } account || await account.GetAccount() is not { } view)
        {
            return NotAnAccount(http);
        }

        var address = view.PendingEmail ?? view.Email;
        if (view.PendingEmail is null && view.EmailVerified)
        {
            return Problems.Conflict("The address is already confirmed.", "email");
        }

        await mail.SendVerificationAsync(view, address);
        return TypedResults.Accepted((string?)null, new AcceptedResponse($"A confirmation link was sent to {address}."));
    }

    private static async Task<Results<Ok<TokenPair>, ProblemHttpResult>> ChangePassword(
        PasswordChangeBody? body, HttpContext http, IGrainFactory grains, AccountDirectory directory, SessionRevocations sessions, TokenService tokens)
    {
        if (await Own(http, grains) is not { } account || await account.GetAccount() is not { } view)
        {
            return NotAnAccount(http);
        }

        if (Passwords.Problem(body?.NewPassword) is { } problem)
        {
            return Problems.BadRequest(problem.Replace("password", "newPassword", StringComparison.Ordinal), "newPassword");
        }

        if (!await PasswordMatches(directory, view, body!.CurrentPassword))
        {
            return Problems.BadRequest("currentPassword is not the account's password.", "currentPassword");
        }

        var result = await account.ChangePassword(Passwords.Hash(body.NewPassword!));
        if (!result.Succeeded)
        {
            return Problems.From(result);
        }

        var caller = http.Caller();
        await sessions.RevokeAllAsync(caller.Kind.ToString(), caller.Id);
        await http.AuditAsync("account.password-change", $"{view.Kind}:{view.Id}");
        return TypedResults.Ok(await tokens.IssueAsync(caller.Kind, caller.Id));
    }

    private static async Task<Results<Ok<MailPreferencesResponse>, ProblemHttpResult>> GetPreferences(HttpContext http, IGrainFactory grains)
    {
        if (await Own(http, grains) is null)
        {
            return NotAnAccount(http);
        }

        var caller = http.Caller();
        var optedOut = await grains.ByKey<IMailPreferencesGrain>(AccountKeys.Of(caller.Kind.ToString(), caller.Id)).GetOptedOut();
        return TypedResults.Ok(new MailPreferencesResponse(MailCategories.Optional, optedOut));
    }

    private static async Task<Results<Ok<MailPreferencesResponse>, ProblemHttpResult>> SetPreferences(
        MailPreferencesBody? body, HttpContext http, IGrainFactory grains)
    {
        if (await Own(http, grains) is null)
        {
            return NotAnAccount(http);
        }

        if (body?.OptedOut is not { Count: <= 16 } categories)
        {
            return Problems.BadRequest("optedOut is required: a list of the categories to switch off.", "optedOut");
        }

        if (categories.Select((c, i) => (c, i)).FirstOrDefault(x => !MailCategories.Optional.Contains(x.c)) is { c: not null } bad)
        {
            return Problems.BadRequest(
                $"optedOut[{bad.i}] must be one of {string.Join(", ", MailCategories.Optional)} (account mails cannot be switched off).", $"optedOut[{bad.i}]");
        }

        var caller = http.Caller();
        var grain = grains.ByKey<IMailPreferencesGrain>(AccountKeys.Of(caller.Kind.ToString(), caller.Id));
        await grain.SetOptedOut(categories);
        return TypedResults.Ok(new MailPreferencesResponse(MailCategories.Optional, await grain.GetOptedOut()));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        AccountDeletionBody? body, HttpContext http, IGrainFactory grains, AccountDirectory directory, SessionRevocations sessions)
    {
        var caller = http.Caller();
        if (!caller.IsLearner)
        {
            return Problems.Forbidden("Only learner accounts delete themselves; trainer accounts are closed by an admin.");
        }

        var learner = grains.ByKey<ILearnerGrain>(caller.Id);
        if (await learner.GetAccount() is not { } view)
        {
            return NotAnAccount(http);
        }

        if (!await PasswordMatches(directory, view, body?.Password))
        {
            return Problems.BadRequest("password: the current password is required to delete the account.", "password");
        }

        var result = await learner.Erase();
        if (!result.Succeeded)
        {
            return Problems.From(result);
        }

        await sessions.RevokeAllAsync(caller.Kind.ToString(), caller.Id);
        await http.AuditAsync("account.delete", $"learner:{caller.Id}");
        return TypedResults.NoContent();
    }

    private static async Task<Results<Accepted<ExportResponse>, ProblemHttpResult>> RequestExport(HttpContext http, IGrainFactory grains)
    {
        if (Learner(http, grains) is not { } learner || await learner.GetAccount() is null)
        {
            return Problems.Forbidden("Data exports are made for learner accounts.");
        }

        var job = await grains.ByKey<IDataExportGrain>(http.Caller().Id).Request();
        return TypedResults.Accepted($"/api/account/exports/{job.Id:D}", ExportResponse.From(job));
    }

    private static async Task<Results<Ok<ExportResponse>, ProblemHttpResult>> GetExport(Guid exportId, HttpContext http, IGrainFactory grains)
    {
        if (Learner(http, grains) is null)
        {
            return Problems.Forbidden("Data exports are made for learner accounts.");
        }

        return await grains.ByKey<IDataExportGrain>(http.Caller().Id).Get(exportId) is { } job
            ? TypedResults.Ok(ExportResponse.From(job))
            : Problems.NotFound($"Export '{exportId}' does not exist.");
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadExport(Guid exportId, HttpContext http, IGrainFactory grains)
    {
        if (Learner(http, grains) is null)
        {
            return Problems.Forbidden("Data exports are made for learner accounts.");
        }

        var archive = await grains.ByKey<IDataExportGrain>(http.Caller().Id).GetArchive(exportId);
        http.Response.Headers.CacheControl = "private, no-store";
        return archive is null
            ? Problems.NotFound($"Export '{exportId}' does not exist or is not ready.")
            : TypedResults.File(archive, "application/zip", $"adaptive-mooc-export-{exportId:N}.zip");
    }

    /// <summary>
    /// The contract's deletion: the learner's own token (no password step: the bearer token is the credential, as for
    /// every other change to the learner's data; <c>POST /api/account/deletion</c> keeps the password-confirmed form)
    /// or an admin. Same erasure as the account route; every login of the learner ends.
    /// </summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteLearner(
        string learnerId, HttpContext http, IGrainFactory grains, SessionRevocations sessions)
    {
        if (LearnerAccess.Check(http.Caller(), learnerId) is { } denied)
        {
            return denied;
        }

        var learner = grains.ByKey<ILearnerGrain>(learnerId);
        if (!Ids.IsValid(learnerId) || await learner.GetAccount() is null)
        {
            if (Ids.IsValid(learnerId) && await learner.IsErased())
            {
                // Deleted already: erasing again finishes whatever a crash may have left undone, and changes nothing else.
                await learner.Erase();
            }

            return Problems.NotFound($"Learner '{learnerId}' does not exist.");
        }

        var result = await learner.Erase();
        if (!result.Succeeded)
        {
            return Problems.From(result);
        }

        await sessions.RevokeAllAsync(CallerKind.Learner.ToString(), learnerId);
        await http.AuditAsync("account.delete", $"learner:{learnerId}");
        return TypedResults.NoContent();
    }

    private static async Task<Results<Accepted<LearnerExportResponse>, ProblemHttpResult>> RequestLearnerExport(
        string learnerId, HttpContext http, IGrainFactory grains, IOptions<XapiOptions> xapi)
    {
        if (await ExportLearnerAsync(http, grains, learnerId) is { } denied)
        {
            return denied;
        }

        var job = await grains.ByKey<IDataExportGrain>(learnerId).Request();
        if (http.Caller().IsAdmin)
        {
            await http.AuditAsync("account.export", $"learner:{learnerId}", $"export={job.Id:D}");
        }

        return TypedResults.Accepted($"/api/learners/{learnerId}/exports/{job.Id:D}", LearnerExportResponse.From(learnerId, job, xapi.Value.Base));
    }

    private static async Task<Results<Ok<LearnerExportResponse>, ProblemHttpResult>> GetLearnerExport(
        string learnerId, string exportId, HttpContext http, IGrainFactory grains, IOptions<XapiOptions> xapi)
    {
        if (await ExportLearnerAsync(http, grains, learnerId) is { } denied)
        {
            return denied;
        }

        return Guid.TryParse(exportId, out var id) && await grains.ByKey<IDataExportGrain>(learnerId).Get(id) is { } job
            ? TypedResults.Ok(LearnerExportResponse.From(learnerId, job, xapi.Value.Base))
            : Problems.NotFound($"Export '{exportId}' does not exist.");
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadLearnerExport(
        string learnerId, string exportId, HttpContext http, IGrainFactory grains)
    {
        if (await ExportLearnerAsync(http, grains, learnerId) is { } denied)
        {
            return denied;
        }

        var archive = Guid.TryParse(exportId, out var id) ? await grains.ByKey<IDataExportGrain>(learnerId).GetArchive(id) : null;
        if (archive is null)
        {
            return Problems.NotFound($"Export '{exportId}' does not exist or is not ready.");
        }

        if (http.Caller().IsAdmin)
        {
            await http.AuditAsync("account.export-download", $"learner:{learnerId}", $"export={id:D}");
        }

        http.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(archive, "application/zip", $"adaptive-mooc-export-{id:N}.zip");
    }

    /// <summary>The learner themself and admins; another learner 404, trainers and keys 403; an unknown learner 404.</summary>
    private static async Task<ProblemHttpResult?> ExportLearnerAsync(HttpContext http, IGrainFactory grains, string learnerId)
    {
        if (LearnerAccess.Check(http.Caller(), learnerId) is { } denied)
        {
            return denied;
        }

        return Ids.IsValid(learnerId) && await grains.ByKey<ILearnerGrain>(learnerId).GetAccount() is not null
            ? null
            : Problems.NotFound($"Learner '{learnerId}' does not exist.");
    }

    private static async Task<Results<Ok<UnsubscribeResponse>, ProblemHttpResult>> ReadUnsubscribe(string? token, IGrainFactory grains) =>
        await ReadToken(grains, token) is { } request
            ? TypedResults.Ok(new UnsubscribeResponse(request.Category, false))
            : Problems.BadRequest("token: the unsubscribe link is not valid.", "token");

    private static async Task<Results<Ok<UnsubscribeResponse>, ProblemHttpResult>> Unsubscribe(string? token, IGrainFactory grains)
    {
        if (await ReadToken(grains, token) is not { } request)
        {
            return Problems.BadRequest("token: the unsubscribe link is not valid.", "token");
        }

        await grains.ByKey<IMailPreferencesGrain>(AccountKeys.Of(request.AccountKind, request.AccountId)).OptOut(request.Category);
        return TypedResults.Ok(new UnsubscribeResponse(request.Category, true));
    }

    private static Task<UnsubscribeRequest?> ReadToken(IGrainFactory grains, string? token) =>
        token is { Length: > 0 and <= 512 } ? grains.ByKey<IMailerGrain>(0).ReadUnsubscribeToken(token) : Task.FromResult<UnsubscribeRequest?>(null);

    /// <summary>Keeps the admins' trainer list (<see cref="ITrainerDirectoryGrain"/>) in step with a trainer's new name or address.</summary>
    private static async Task RefreshTrainerListing(IGrainFactory grains, IAccountGrain account)
    {
        if (account is ITrainerGrain trainer && await trainer.GetProfile() is { } profile)
        {
            await grains.ByKey<ITrainerDirectoryGrain>(ITrainerDirectoryGrain.Key).Add(profile);
        }
    }

    private static Task<IAccountGrain?> Own(HttpContext http, IGrainFactory grains)
    {
        var caller = http.Caller();
        return Task.FromResult(caller.Kind switch
        {
            CallerKind.Learner => (IAccountGrain?)grains.ByKey<ILearnerGrain>(caller.Id),
            CallerKind.Trainer => grains.ByKey<ITrainerGrain>(caller.Id),
            _ => null,
        });
    }

    private static ILearnerGrain? Learner(HttpContext http, IGrainFactory grains) =>
        http.Caller() is { IsLearner: true } caller ? grains.ByKey<ILearnerGrain>(caller.Id) : null;

    private static IAccountGrain? AccountGrain(IGrainFactory grains, string kind, string id) => kind switch
    {
        EmailOwner.Learner => grains.ByKey<ILearnerGrain>(id),
        EmailOwner.Trainer => grains.ByKey<ITrainerGrain>(id),
        _ => null,
    };

    private static async Task<bool> PasswordMatches(AccountDirectory directory, AccountView view, string? password)
    {
        if (string.IsNullOrEmpty(password) || password.Length > Passwords.MaxLength)
        {
            return false;
        }

        var hash = (await directory.FindAsync(view.Id)).FirstOrDefault(a => string.Equals(a.Kind.ToString(), view.Kind, StringComparison.OrdinalIgnoreCase))?.PasswordHash;
        return Passwords.Verify(hash, password) != PasswordVerificationResult.Failed;
    }

    private static string? ParseEmail(string? text) =>
        text?.Trim() is { Length: > 0 and <= 254 } email && MailAddress.TryCreate(email, out var address) && address.Address == email ? email : null;

    private static bool ValidToken(string? token) => token is { Length: > 0 and <= AccountMail.MaxTokenLength };

    private static ProblemHttpResult NotAnAccount(HttpContext http) => http.Caller().IsAdmin
        ? Problems.Forbidden("These routes manage a learner's or trainer's own account.")
        : Problems.NotFound("The account does not exist.");

    private static AccountResponse ToResponse(AccountView view) =>
        new(view.Kind, view.Id, view.Name, view.Email, view.EmailVerified, view.PendingEmail);
}
