using AdaptiveMooc.Grains.Abstractions.Payments;

namespace AdaptiveMooc.Api.Contracts;

/// <summary>
/// An order: <c>amount</c> in the currency's smallest unit (cents), <c>method</c> <c>stripe</c> or
/// <c>manual</c>, <c>status</c> <c>pending</c>, <c>paid</c>, <c>refunded</c> or <c>disputed</c>;
/// <c>checkoutUrl</c> the Stripe page to pay on (Stripe orders).
/// </summary>
public sealed record OrderResponse(
    string Id,
    string LearnerId,
    string CourseId,
    string? ProviderId,
    long Amount,
    string Currency,
    string Method,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PaidAt,
    DateTimeOffset? WithdrawnAt,
    string? CheckoutSessionId,
    string? CheckoutUrl,
    string? PaymentIntentId,
    string? PaymentReference,
    bool AccessGranted,
    IReadOnlyList<OrderEventResponse> Events)
{
    public static OrderResponse From(OrderSnapshot order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var r = order.Request;
        return new OrderResponse(
            order.Id, r.LearnerId, r.CourseId, r.ProviderId, r.AmountMinor, r.Currency, r.Method, order.Status, r.CreatedAt, order.PaidAt,
            order.WithdrawnAt, order.CheckoutSessionId, order.CheckoutUrl, order.PaymentIntentId, order.PaymentReference, order.AccessGranted,
            [.. order.Events.Select(e => new OrderEventResponse(e.Id, e.Type, e.Created, e.Received, e.Outcome, e.By, e.Reference))]);
    }
}
