namespace AdaptiveMooc.Grains.Abstractions.Payments;

/// <summary>An order as stored, with its Stripe references (session, payment intent, charge) and its events.</summary>
[GenerateSerializer]
[Immutable]
[Alias("mooc.OrderSnapshot")]
public sealed record OrderSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] OrderRequest Request,
    [property: Id(2)] string Status,
    [property: Id(3)] DateTimeOffset? PaidAt,
    [property: Id(4)] DateTimeOffset? WithdrawnAt,
    [property: Id(5)] string? CheckoutSessionId,
    [property: Id(6)] string? CheckoutUrl,
    [property: Id(7)] string? PaymentIntentId,
    [property: Id(8)] string? PaymentReference,
    [property: Id(9)] IReadOnlyList<OrderEvent> Events,
    [property: Id(10)] bool AccessGranted);
