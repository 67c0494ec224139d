namespace AdaptiveMooc.Grains.Abstractions.Payments;

/// <summary>
/// What the platform takes from a verified Stripe event (or from a Checkout Session read back from
/// Stripe's API when reconciling): the API verifies and parses, the order grain decides.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("mooc.StripeEventFacts")]
public sealed record StripeEventFacts(
    [property: Id(0)] string EventId,
    [property: Id(1)] string Type,
    [property: Id(2)] DateTimeOffset Created,
    [property: Id(3)] string? CheckoutSessionId,
    [property: Id(4)] string? PaymentIntentId,
    [property: Id(5)] string? ChargeId,
    [property: Id(6)] string? PaymentStatus,
    [property: Id(7)] long? Amount,
    [property: Id(8)] string? Currency,
    [property: Id(9)] bool FullyRefunded,
    [property: Id(10)] string? DisputeId = null,
    [property: Id(11)] string? DisputeStatus = null)
{
    public const string CheckoutCompleted = "checkout.session.completed";
    public const string AsyncPaymentSucceeded = "checkout.session.async_payment_succeeded";
    public const string ChargeRefunded = "charge.refunded";
    public const string DisputeCreated = "charge.dispute.created";

    /// <summary>A dispute decided: <see cref="DisputeStatus"/> <c>won</c> (or <c>warning_closed</c>, an inquiry dropped) gives access back; <c>lost</c> keeps it withdrawn.</summary>
    public const string DisputeClosed = "charge.dispute.closed";

    /// <summary>The type of facts read from Stripe's API by a reconciliation (no event).</summary>
    public const string Reconciliation = "reconciliation";
}
