using System.Security.Cryptography;
using System.Text.Json;
using AdaptiveMooc.Api.Contracts;
using AdaptiveMooc.Api.Http;
using AdaptiveMooc.Api.Security;
using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Courses;
using AdaptiveMooc.Grains.Abstractions.Payments;
using AdaptiveMooc.Grains.Abstractions.Providers;
using AdaptiveMooc.Grains.Abstractions.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdaptiveMooc.Api.Endpoints;

/// <summary>
/// Training providers (docs/PAYMENTS.md, "Providers"): profile, trainers, voucher codes, orders and grants.
/// Admins create providers; a provider's admins (trainer accounts) run it.
/// </summary>
public static class ProviderEndpoints
{
    // Crockford's base32 without I, L, O, U: codes people type from a letter or an e-mail.
    private const string CodeAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int CodeLength = 16;

    public static IEndpointRouteBuilder MapProviderEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var providers = app.MapGroup("/api/providers").WithTags("Providers");
        providers.MapPost("/", Create).WithName("CreateProvider").RequireAuthorization(MoocPolicies.Admin)
            .WithSummary("Creates a provider with its first admin (a trainer account): admins.");
        providers.MapGet("/{providerId}", Get).WithName("GetProvider").WithSummary("A provider's public profile, trainers and courses.");
        providers.MapPut("/{providerId}", Update).WithName("UpdateProvider").WithSummary("Replaces the profile: the provider's admins and admins.");
        providers.MapPost("/{providerId}/trainers", AddTrainer).WithName("AddProviderTrainer")
            .WithSummary("Adds a trainer (or, with admin: true, an admin): the provider's admins and admins.");
        providers.MapPost("/{providerId}/vouchers", CreateVouchers).WithName("CreateVouchers")
            .WithSummary("Issues voucher codes for one of the provider's courses, one per seat: the provider's admins and admins.");
        providers.MapGet("/{providerId}/vouchers", ListVouchers).WithName("ListVouchers")
            .WithSummary("The provider's voucher batches with each code's redemption, newest first.");
        providers.MapGet("/{providerId}/orders", ListOrders).WithName("ListProviderOrders")
            .WithSummary("The provider's latest orders, newest first (status=pending for the ones to mark paid).");
        providers.MapPost("/{providerId}/grants", Grant).WithName("GrantCourseAccess")
            .WithSummary("Grants a learner access to one of the provider's courses: the provider's admins and admins; audited.");
        providers.MapPost("/{providerId}/grants/withdrawal", WithdrawGrant).WithName("WithdrawCourseGrant")
            .WithSummary("Withdraws the provider's grant of a course to a learner (kept in the access history with the reason): the provider's admins and admins; audited.");
        app.MapPost("/api/courses/{courseId}/vouchers", CreateCourseVouchers).WithTags("Providers").WithName("CreateCourseVouchers")
            .WithSummary("Issues voucher codes for a paid course of a provider (count seats, until expiresAt): the provider's admins and admins.");
        app.MapPost("/api/learners/{learnerId}/vouchers", Redeem).WithTags("Providers").WithName("RedeemVoucher")
            .WithSummary("Redeems a voucher code: access to its course, and an enrolment.");
        return app;
    }

    private static async Task<Results<Created<ProviderResponse>, ProblemHttpResult>> Create(
        ProviderBody body, HttpContext context, IGrainFactory grains, TimeProvider clock)
    {
        if (!Ids.IsValid(body.Id))
        {
            return Problems.BadRequest("id must be 1-64 characters of [a-z0-9-].", "id");
        }

        if (ValidateProfile(body, out var profile) is { } problem)
        {
            return problem;
        }

        // The contract's body has no admin: admins then add the provider's admins (POST .../trainers, admin: true).
        if (body.AdminTrainerId is not null
            && (!Ids.IsValid(body.AdminTrainerId) || await grains.ByKey<ITrainerGrain>(body.AdminTrainerId).GetProfile() is null))
        {
            return Problems.BadRequest("adminTrainerId must name an existing trainer account (or be left out).", "adminTrainerId");
        }

        var grain = grains.ByKey<IProviderGrain>(body.Id!);
        var result = await grain.Create(profile!, body.AdminTrainerId, clock.GetUtcNow());
        if (!result.Succeeded)
        {
            return Problems.From(result);
        }

        await context.AuditAsync("provider.create", $"provider:{body.Id}", $"admin={body.AdminTrainerId ?? "none"}");
        return TypedResults.Created($"/api/providers/{body.Id}", ProviderResponse.From((await grain.Get())!));
    }

    private static async Task<Results<Ok<ProviderResponse>, ProblemHttpResult>> Get(string providerId, IGrainFactory grains)
    {
        var provider = Ids.IsValid(providerId) ? await grains.ByKey<IProviderGrain>(providerId).Get() : null;
        return provider is null ? Problems.NotFound($"Provider '{providerId}' does not exist.") : TypedResults.Ok(ProviderResponse.From(provider));
    }

    private static async Task<Results<Ok<ProviderResponse>, ProblemHttpResult>> Update(
        string providerId, ProviderBody body, HttpContext context, IGrainFactory grains)
    {
        if (await ManagedAsync(grains, context.Caller(), providerId) is { } denied)
        {
            return denied;
        }

        if (ValidateProfile(body, out var profile) is { } problem)
        {
            return problem;
        }

        var grain = grains.ByKey<IProviderGrain>(providerId);
        var result = await grain.UpdateProfile(profile!);
        if (!result.Succeeded)
        {
            return Problems.From(result);
        }

        await context.AuditAsync("provider.update", $"provider:{providerId}");
        return TypedResults.Ok(ProviderResponse.From((await grain.Get())!));
    }

    private static async Task<Results<Ok<ProviderResponse>, ProblemHttpResult>> AddTrainer(
        string providerId, ProviderTrainerBody body, HttpContext context, IGrainFactory grains)
    {
        if (await ManagedAsync(grains, context.Caller(), providerId) is { } denied)
        {
            return denied;
        }

        if (!Ids.IsValid(body.TrainerId) || await grains.ByKey<ITrainerGrain>(body.TrainerId!).GetProfile() is null)
        {
            return Problems.BadRequest("trainerId must name an existing trainer account.", "trainerId");
        }

        var grain = grains.ByKey<IProviderGrain>(providerId);
        var admin = body.Admin ?? false;
        var result = await grain.AddTrainer(body.TrainerId!, admin);
        if (!result.Succeeded)
        {
            return Problems.From(result);
        }

        await context.AuditAsync("provider.add-trainer", $"provider:{providerId}", $"trainer={body.TrainerId} admin={admin}");
        return TypedResults.Ok(ProviderResponse.From((await grain.Get())!));
    }

    private static async Task<Results<Created<VoucherBatchResponse>, ProblemHttpResult>> CreateVouchers(
        string providerId, VoucherBatchBody body, HttpContext context, IGrainFactory grains, TimeProvider clock)
    {
        if (await ManagedAsync(grains, context.Caller(), providerId) is { } denied)
        {
            return denied;
        }

        if (await ProviderCourseAsync(grains, providerId, body.CourseId) is { } notOurs)
        {
            return notOurs;
        }

        var (issue, vouchers, problem) = await IssueAsync(grains, context, clock, providerId, body.CourseId!, body.Seats, "seats", body.ExpiresAt);
        if (problem is not null)
        {
            return problem;
        }

        return TypedResults.Created($"/api/providers/{providerId}/vouchers", ToResponse(issue!, vouchers!));
    }

    /// <summary>
    /// The contract's form: <c>POST /api/courses/{courseId}/vouchers {count, expiresAt}</c> → <c>{codes}</c>. Vouchers are
    /// the seats of a provider's course, so the course's provider's admins and admins issue them; the course's own
    /// trainers do not (unless they are admins of its provider), and a course without a provider has none (409).
    /// </summary>
    private static async Task<Results<Created<CourseVouchersResponse>, ProblemHttpResult>> CreateCourseVouchers(
        string courseId, CourseVouchersBody body, HttpContext context, IGrainFactory grains, TimeProvider clock)
    {
        var caller = context.Caller();
        if (!caller.IsAdmin && !caller.IsTrainer)
        {
            return Problems.Forbidden("Voucher codes are issued by the course's provider's admins and by admins.");
        }

        var course = Ids.IsValid(courseId) ? await grains.ByKey<ICourseGrain>(courseId).Get() : null;
        if (course is null)
        {
            return caller.IsAdmin ? Problems.NotFound($"Course '{courseId}' does not exist.") : Problems.Forbidden("Voucher codes are issued by the course's provider's admins and by admins.");
        }

        if (course.Definition.ProviderId is not { } providerId)
        {
            return caller.IsAdmin
                ? Problems.Conflict($"Course '{courseId}' has no provider: vouchers are a provider's seats (give the course a providerId, or grant access).", "courseId")
                : Problems.Forbidden($"Course '{courseId}' has no provider: only admins act for it.");
        }

        if (!await CourseAccess.ManagesProviderAsync(grains, caller, providerId))
        {
            return Problems.Forbidden($"Only the admins of provider '{providerId}' and admins issue voucher codes for course '{courseId}'.");
        }

        if (!course.Definition.Pricing.IsPaid)
        {
            return Problems.Conflict($"Course '{courseId}' is free: learners enrol without a voucher.", "courseId");
        }

        var (issue, vouchers, problem) = await IssueAsync(grains, context, clock, providerId, courseId, body.Count, "count", body.ExpiresAt);
        if (problem is not null)
        {
            return problem;
        }

        return TypedResults.Created(
            $"/api/providers/{providerId}/vouchers",
            new CourseVouchersResponse(issue!.BatchId, courseId, providerId, issue.ExpiresAt, [.. vouchers!.Select(v => Format(v.Code))]));
    }

    private static async Task<(VoucherIssue? Issue, IReadOnlyList<VoucherSnapshot>? Vouchers, ProblemHttpResult? Problem)> IssueAsync(
        IGrainFactory grains, HttpContext context, TimeProvider clock, string providerId, string courseId, int? count, string countField, DateTimeOffset? expires)
    {
        if (count is not (>= 1 and <= IVoucherBatchGrain.MaxSeats) || count is not { } seats)
        {
            return (null, null, Problems.BadRequest($"{countField} must be 1-{IVoucherBatchGrain.MaxSeats}.", countField));
        }

        var now = clock.GetUtcNow();
        if (expires is not { } expiresAt || expiresAt <= now || expiresAt > now.AddYears(5))
        {
            return (null, null, Problems.BadRequest("expiresAt must be an instant in the next 5 years.", "expiresAt"));
        }

        var batchId = Guid.NewGuid().ToString("N");
        var issue = new VoucherIssue(providerId, courseId, batchId, expiresAt, now);
        var codes = Enumerable.Range(0, seats).Select(_ => NewCode()).ToList();
        var batch = grains.ByKey<IVoucherBatchGrain>(batchId);
        var added = await grains.ByKey<IProviderGrain>(providerId).AddVoucherBatch(batchId);
        if (!added.Succeeded)
        {
            return (null, null, Problems.From(added));
        }

        await batch.Create(issue, codes, context.Caller().Id);
        await context.AuditAsync("provider.vouchers", $"provider:{providerId}", $"batch={batchId} course={courseId} seats={seats}");
        return (issue, await batch.List(), null);
    }

    private static async Task<Results<Ok<Page<VoucherBatchResponse>>, ProblemHttpResult>> ListVouchers(
        string providerId, HttpContext context, IGrainFactory grains, int? limit, string? after)
    {
        if (await ManagedAsync(grains, context.Caller(), providerId) is { } denied)
        {
            return denied;
        }

        if (limit is not null and not (>= 1 and <= 20))
        {
            return Problems.BadRequest("limit must be 1-20 batches.", "limit");
        }

        var ids = await grains.ByKey<IProviderGrain>(providerId).GetVoucherBatchIds();
        var start = after is null ? 0 : ids.ToList().IndexOf(after) + 1;
        var page = ids.Skip(start).Take(limit ?? 10).ToList();
        var items = new List<VoucherBatchResponse>(page.Count);
        foreach (var id in page)
        {
            var vouchers = await grains.ByKey<IVoucherBatchGrain>(id).List();
            if (vouchers.Count > 0)
            {
                items.Add(ToResponse(vouchers[0].Issue, vouchers));
            }
        }

        return TypedResults.Ok(new Page<VoucherBatchResponse>(items, start + page.Count < ids.Count ? page[^1] : null));
    }

    private static async Task<Results<Ok<Page<OrderResponse>>, ProblemHttpResult>> ListOrders(
        string providerId, HttpContext context, IGrainFactory grains, int? limit, string? after, string? status)
    {
        if (await ManagedAsync(grains, context.Caller(), providerId) is { } denied)
        {
            return denied;
        }

        if (limit is not null and not (>= 1 and <= 100))
        {
            return Problems.BadRequest("limit must be 1-100.", "limit");
        }

        if (status is not (null or OrderStatus.Pending or OrderStatus.Paid or OrderStatus.Refunded or OrderStatus.Disputed))
        {
            return Problems.BadRequest("status must be pending, paid, refunded or disputed.", "status");
        }

        var ids = await grains.ByKey<IProviderGrain>(providerId).GetOrderIds();
        var start = after is null ? 0 : ids.ToList().IndexOf(after) + 1;
        var size = limit ?? 50;
        var items = new List<OrderResponse>(size);
        var position = start;
        for (; position < ids.Count && items.Count < size; position++)
        {
            if (await grains.ByKey<IOrderGrain>(ids[position]).Get() is { } order && (status is null || order.Status == status))
            {
                items.Add(OrderResponse.From(order));
            }
        }

        return TypedResults.Ok(new Page<OrderResponse>(items, position < ids.Count ? ids[position - 1] : null));
    }

    private static async Task<Results<Ok<CourseAccessResponse>, ProblemHttpResult>> Grant(
        string providerId, GrantBody body, HttpContext context, IGrainFactory grains, TimeProvider clock)
    {
        if (await ManagedAsync(grains, context.Caller(), providerId) is { } denied)
        {
            return denied;
        }

        if (await ProviderCourseAsync(grains, providerId, body.CourseId) is { } notOurs)
        {
            return notOurs;
        }

        if (!Ids.IsValid(body.LearnerId) || await grains.ByKey<Grains.Abstractions.Learners.ILearnerGrain>(body.LearnerId!).GetProfile() is null)
        {
            return Problems.BadRequest("learnerId must name a registered learner.", "learnerId");
        }

        var entitlement = grains.ByKey<ICourseEntitlementGrain>(ICourseEntitlementGrain.KeyOf(body.LearnerId!, body.CourseId!));
        await entitlement.Grant($"{AccessSource.Grant}:{providerId}", AccessSource.Grant, context.Caller().Id, clock.GetUtcNow());
        await context.AuditAsync("provider.grant", $"provider:{providerId}", $"learner={body.LearnerId} course={body.CourseId}");
        var course = (await grains.ByKey<ICourseGrain>(body.CourseId!).Get())!;
        return TypedResults.Ok(new CourseAccessResponse(
            body.LearnerId!, body.CourseId!, course.Definition.Pricing.IsPaid, await entitlement.HasAccess(), await entitlement.GetSources()));
    }

    /// <summary>
    /// Ends a grant: the learner loses access unless an order or a voucher still gives it; the grant stays listed
    /// in the access sources with when and why, the learner's history (statements, progress, certificates already
    /// issued) stays. Withdrawing a grant that is not active is a 409, so a retry tells what happened.
    /// </summary>
    private static async Task<Results<Ok<CourseAccessResponse>, ProblemHttpResult>> WithdrawGrant(
        string providerId, GrantWithdrawalBody body, HttpContext context, IGrainFactory grains, TimeProvider clock)
    {
        if (await ManagedAsync(grains, context.Caller(), providerId) is { } denied)
        {
            return denied;
        }

        if (await ProviderCourseAsync(grains, providerId, body.CourseId) is { } notOurs)
        {
            return notOurs;
        }

        if (!Ids.IsValid(body.LearnerId))
        {
            return Problems.BadRequest("learnerId must name a learner.", "learnerId");
        }

        if (!RequiredText.TryRead(body.Reason, "reason", 500, out var reason, out var problem))
        {
            return problem;
        }

        var source = $"{AccessSource.Grant}:{providerId}";
        var entitlement = grains.ByKey<ICourseEntitlementGrain>(ICourseEntitlementGrain.KeyOf(body.LearnerId!, body.CourseId!));
        if (!(await entitlement.GetSources()).Any(s => s.Id == source && s.Active))
        {
            return Problems.Conflict($"Learner '{body.LearnerId}' holds no active grant of course '{body.CourseId}' from provider '{providerId}'.", "learnerId");
        }

        await entitlement.Withdraw(source, $"withdrawn by {context.Caller().Id}: {reason}", clock.GetUtcNow());
        await context.AuditAsync("provider.grant-withdraw", $"provider:{providerId}", $"learner={body.LearnerId} course={body.CourseId} reason={reason}");
        var course = (await grains.ByKey<ICourseGrain>(body.CourseId!).Get())!;
        return TypedResults.Ok(new CourseAccessResponse(
            body.LearnerId!, body.CourseId!, course.Definition.Pricing.IsPaid, await entitlement.HasAccess(), await entitlement.GetSources()));
    }

    private static async Task<Results<Ok<VoucherResponse>, ProblemHttpResult>> Redeem(
        string learnerId, RedeemVoucherBody body, HttpContext context, IGrainFactory grains, TimeProvider clock)
    {
        var caller = context.Caller();
        if (!caller.IsLearnerSelf(learnerId))
        {
            return caller.IsLearner
                ? Problems.NotFound($"Learner '{learnerId}' does not exist.")
                : Problems.Forbidden("A learner redeems a voucher for themselves.");
        }

        var code = Normalize(body.Code);
        if (code is null)
        {
            return Problems.BadRequest($"code must be the {CodeLength} letters and digits of a voucher (dashes and spaces are ignored).", "code");
        }

        var voucher = grains.ByKey<IVoucherGrain>(code);
        var result = await voucher.Redeem(learnerId, clock.GetUtcNow());
        if (result.Status == CommandStatus.NotFound)
        {
            // An unknown code is a problem with the field, not with the route.
            return Problems.BadRequest("No voucher has that code.", "code");
        }

        if (!result.Succeeded)
        {
            return Problems.From(result);
        }

        var redeemed = (await voucher.Get())!;
        return TypedResults.Ok(new VoucherResponse(redeemed.Code, redeemed.Issue.CourseId, redeemed.Issue.ExpiresAt, redeemed.RedeemedBy, redeemed.RedeemedAt));
    }

    /// <summary>The course's own providerId decides (the provider's course list is a listing, written after the course).</summary>
    private static async Task<ProblemHttpResult?> ProviderCourseAsync(IGrainFactory grains, string providerId, string? courseId) =>
        Ids.IsValid(courseId) && await grains.ByKey<ICourseGrain>(courseId!).Get() is { } course && course.Definition.ProviderId == providerId
            ? null
            : Problems.BadRequest($"courseId must be one of provider '{providerId}''s courses.", "courseId");

    /// <summary>Null when the caller manages the provider; else 404 (no such provider, for admins) or 403.</summary>
    private static async Task<ProblemHttpResult?> ManagedAsync(IGrainFactory grains, Caller caller, string providerId)
    {
        if (!Ids.IsValid(providerId) || await grains.ByKey<IProviderGrain>(providerId).Get() is null)
        {
            return caller.IsAdmin ? Problems.NotFound($"Provider '{providerId}' does not exist.") : Problems.Forbidden("Only a provider's admins and admins manage a provider.");
        }

        return await CourseAccess.ManagesProviderAsync(grains, caller, providerId)
            ? null
            : Problems.Forbidden($"Only the admins of provider '{providerId}' and admins may do this.");
    }

    private static ProblemHttpResult? ValidateProfile(ProviderBody body, out ProviderProfile? profile)
    {
        profile = null;
        if (!RequiredText.TryRead(body.Name, "name", 200, out var name, out var problem))
        {
            return problem;
        }

        if (body.Website is { } website && !IsHttps(website))
        {
            return Problems.BadRequest("website must be an https address (it is the certificate issuer's address).", "website");
        }

        if (body.LogoUrl is { } logo && !IsHttps(logo))
        {
            return Problems.BadRequest("logoUrl must be an https address.", "logoUrl");
        }

        var country = body.Country?.Trim().ToUpperInvariant();
        if (country is not null && (country.Length != 2 || !country.All(char.IsAsciiLetterUpper)))
        {
            return Problems.BadRequest("country must be an ISO 3166-1 alpha-2 code such as 'FR'.", "country");
        }

        if (!TryReadAccreditation(body.Accreditation, out var statement, out var authority))
        {
            return Problems.BadRequest("accreditation must be a text (the accreditation statement) or an object {statement, authority}.", "accreditation");
        }

        body = body with
        {
            AccreditationStatement = body.AccreditationStatement ?? statement,
            AccreditationAuthority = body.AccreditationAuthority ?? authority,
        };
        if (body.AccreditationStatement is { Length: > 2000 })
        {
            return Problems.BadRequest("accreditationStatement must be at most 2000 characters.", "accreditationStatement");
        }

        if (body.AccreditationAuthority is { Length: > 200 })
        {
            return Problems.BadRequest("accreditationAuthority must be at most 200 characters.", "accreditationAuthority");
        }

        profile = new ProviderProfile(name, body.Website, country, Blank(body.AccreditationStatement), Blank(body.AccreditationAuthority), body.LogoUrl);
        return null;
    }

    private static bool TryReadAccreditation(JsonElement? accreditation, out string? statement, out string? authority)
    {
        statement = null;
        authority = null;
        switch (accreditation)
        {
            case null:
            case { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined }:
                return true;
            case { ValueKind: JsonValueKind.String } text:
                statement = text.GetString();
                return true;
            case { ValueKind: JsonValueKind.Object } form:
                statement = form.TryGetProperty("statement", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
                authority = form.TryGetProperty("authority", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
                return (statement ?? authority) is not null;
            default:
                return false;
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static bool IsHttps(string address) =>
        address.Length <= 2000 && Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps;

    private static VoucherBatchResponse ToResponse(VoucherIssue issue, IReadOnlyList<VoucherSnapshot> vouchers) => new(
        issue.BatchId, issue.ProviderId, issue.CourseId, issue.ExpiresAt, issue.IssuedAt, vouchers.Count, vouchers.Count(v => v.RedeemedBy is not null),
        [.. vouchers.Select(v => new VoucherResponse(Format(v.Code), v.Issue.CourseId, v.Issue.ExpiresAt, v.RedeemedBy, v.RedeemedAt))]);

    /// <summary>80 random bits as 16 base32 characters.</summary>
    private static string NewCode() => new(RandomNumberGenerator.GetItems<char>(CodeAlphabet, CodeLength));

    internal static string Format(string code) => string.Join('-', code.Chunk(4).Select(c => new string(c)));

    /// <summary>A typed voucher code as stored (upper case, no dashes or spaces); null when it cannot be one.</summary>
    internal static string? Normalize(string? code)
    {
        if (code is null || code.Length > 40)
        {
            return null;
        }

        var compact = new string([.. code.Where(c => c is not ('-' or ' ')).Select(char.ToUpperInvariant)]);
        return compact.Length == CodeLength && compact.All(CodeAlphabet.Contains) ? compact : null;
    }
}
