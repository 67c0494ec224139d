using System.Security.Cryptography;
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

        if (!Ids.IsValid(body.AdminTrainerId) || await grains.ByKey<ITrainerGrain>(body.AdminTrainerId!).GetProfile() is null)
        {
            return Problems.BadRequest("adminTrainerId must name an existing trainer account.", "adminTrainerId");
        }

        var grain = grains.ByKey<IProviderGrain>(body.Id!);
        var result = await grain.Create(profile!, body.AdminTrainerId!, clock.GetUtcNow());
        if (!result.Succeeded)
        {
            return Problems.From(result);
        }

        await context.AuditAsync("provider.create", $"provider:{body.Id}", $"admin={body.AdminTrainerId}");
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

        if (body.Seats is not (>= 1 and <= IVoucherBatchGrain.MaxSeats) || body.Seats is not { } seats)
        {
            return Problems.BadRequest($"seats must be 1-{IVoucherBatchGrain.MaxSeats}.", "seats");
        }

        var now = clock.GetUtcNow();
        if (body.ExpiresAt is not { } expiresAt || expiresAt <= now || expiresAt > now.AddYears(5))
        {
            return Problems.BadRequest("expiresAt must be an instant in the next 5 years.", "expiresAt");
        }

        var batchId = Guid.NewGuid().ToString("N");
        var issue = new VoucherIssue(providerId, body.CourseId!, batchId, expiresAt, now);
        var codes = Enumerable.Range(0, seats).Select(_ => NewCode()).ToList();
        var batch = grains.ByKey<IVoucherBatchGrain>(batchId);
        var added = await grains.ByKey<IProviderGrain>(providerId).AddVoucherBatch(batchId);
        if (!added.Succeeded)
        {
            return Problems.From(added);
        }

        await batch.Create(issue, codes, context.Caller().Id);
        await context.AuditAsync("provider.vouchers", $"provider:{providerId}", $"batch={batchId} course={body.CourseId} seats={seats}");
        return TypedResults.Created($"/api/providers/{providerId}/vouchers", ToResponse(issue, await batch.List()));
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
            return Problems.BadRequest("website must be an https address.", "website");
        }

        if (body.LogoUrl is { } logo && !IsHttps(logo))
        {
            return Problems.BadRequest("logoUrl must be an https address.", "logoUrl");
        }

        if (body.Country is { } country && (country.Length != 2 || !country.All(char.IsAsciiLetterUpper)))
        {
            return Problems.BadRequest("country must be an ISO 3166-1 alpha-2 code such as 'FR'.", "country");
        }

        if (body.AccreditationStatement is { Length: > 2000 })
        {
            return Problems.BadRequest("accreditationStatement must be at most 2000 characters.", "accreditationStatement");
        }

        if (body.AccreditationAuthority is { Length: > 200 })
        {
            return Problems.BadRequest("accreditationAuthority must be at most 200 characters.", "accreditationAuthority");
        }

        profile = new ProviderProfile(name, body.Website, body.Country, Blank(body.AccreditationStatement), Blank(body.AccreditationAuthority), body.LogoUrl);
        return null;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static bool IsHttps(string address) =>
        address.Length <= 2000 && Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps;

    private static VoucherBatchResponse ToResponse(VoucherIssue issue, IReadOnlyList<VoucherSnapshot> vouchers) => new(
        issue.BatchId, issue.ProviderId, issue.CourseId, issue.ExpiresAt, issue.IssuedAt, vouchers.Count, vouchers.Count(v => v.RedeemedBy is not null),
        [.. vouchers.Select(v => new VoucherResponse(Format(v.Code), v.Issue.CourseId, v.Issue.ExpiresAt, v.RedeemedBy, v.RedeemedAt))]);

    /// <summary>80 random bits as 16 base32 characters.</summary>
    private static string NewCode() => new(RandomNumberGenerator.GetItems<char>(CodeAlphabet, CodeLength));

    private static string Format(string code) => string.Join('-', code.Chunk(4).Select(c => new string(c)));

    private static string? Normalize(string? code)
    {
        if (code is null || code.Length > 40)
        {
            return null;
        }

        var compact = new string([.. code.Where(c => c is not ('-' or ' ')).Select(char.ToUpperInvariant)]);
        return compact.Length == CodeLength && compact.All(CodeAlphabet.Contains) ? compact : null;
    }
}
