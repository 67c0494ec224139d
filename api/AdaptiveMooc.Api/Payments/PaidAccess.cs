using AdaptiveMooc.Api.Endpoints;
using AdaptiveMooc.Api.Http;
using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Payments;
using AdaptiveMooc.Grains.Abstractions.Providers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdaptiveMooc.Api.Payments;

/// <summary>
/// The access an enrolment names (<c>POST /api/learners/{id}/enrollments {courseId, orderId | voucher}</c>): the
/// learner's own paid order for that course, or a voucher code for that course, redeemed here (once: the voucher
/// grain decides redemptions one at a time, so of concurrent attempts exactly one wins; the winner retrying gets
/// its enrolment again).
/// </summary>
public static class PaidAccess
{
    /// <summary>The access source (<c>order:{id}</c>, <c>voucher:{code}</c>), or the problem: 400 naming the field, 403 unpaid, 409 used.</summary>
    public static async Task<(string? Source, ProblemHttpResult? Problem)> ClaimAsync(
        IGrainFactory grains, string learnerId, string courseId, string? orderId, string? voucher, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(grains);
        if (orderId is not null && voucher is not null)
        {
            return (null, Problems.BadRequest("Give orderId or voucher, not both.", "voucher"));
        }

        return orderId is not null
            ? await OrderAsync(grains, learnerId, courseId, orderId)
            : await VoucherAsync(grains, learnerId, courseId, voucher!, now);
    }

    private static async Task<(string?, ProblemHttpResult?)> OrderAsync(IGrainFactory grains, string learnerId, string courseId, string orderId)
    {
        // Somebody else's order is "not an order of yours" (its existence stays private).
        var order = orderId.Length is > 0 and <= 64 && orderId.All(char.IsAsciiLetterOrDigit) ? await grains.ByKey<IOrderGrain>(orderId).Get() : null;
        if (order is null || order.Request.LearnerId != learnerId || order.Request.CourseId != courseId)
        {
            return (null, Problems.BadRequest($"orderId must name an order of learner '{learnerId}' for course '{courseId}'.", "orderId"));
        }

        return order.Status == OrderStatus.Paid
            ? ($"{AccessSource.Order}:{order.Id}", null)
            : (null, Problems.Forbidden($"Order '{order.Id}' is {order.Status}: it gives access to course '{courseId}' once it is paid."));
    }

    private static async Task<(string?, ProblemHttpResult?)> VoucherAsync(IGrainFactory grains, string learnerId, string courseId, string text, DateTimeOffset now)
    {
        if (ProviderEndpoints.Normalize(text) is not { } code)
        {
            return (null, Problems.BadRequest("voucher must be the 16 letters and digits of a voucher code (dashes and spaces are ignored).", "voucher"));
        }

        var voucher = grains.ByKey<IVoucherGrain>(code);
        if (await voucher.Get() is not { } snapshot)
        {
            return (null, Problems.BadRequest("No voucher has that code.", "voucher"));
        }

        if (snapshot.Issue.CourseId != courseId)
        {
            return (null, Problems.BadRequest($"This voucher is for course '{snapshot.Issue.CourseId}', not '{courseId}'.", "voucher"));
        }

        var result = await voucher.Redeem(learnerId, now);
        if (result.Succeeded || (await voucher.Get())?.RedeemedBy == learnerId)
        {
            return ($"{AccessSource.Voucher}:{code}", null);
        }

        return (null, result.Status == CommandStatus.Conflict
            ? Problems.Conflict(result.Detail ?? "This voucher cannot be redeemed.", "voucher")
            : Problems.From(result));
    }
}
