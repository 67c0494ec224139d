using AdaptiveMooc.Grains.Abstractions.Payments;

namespace AdaptiveMooc.Grains.Payments;

[GenerateSerializer]
[Alias("mooc.OrderState")]
internal sealed class OrderState
{
    [Id(0)] public OrderRequest? Request { get; set; }

    [Id(1)] public string Status { get; set; } = OrderStatus.Pending;

    [Id(2)] public DateTimeOffset? PaidAt { get; set; }

    [Id(3)] public DateTimeOffset? WithdrawnAt { get; set; }

    [Id(4)] public string? CheckoutSessionId { get; set; }

    [Id(5)] public string? CheckoutUrl { get; set; }

    [Id(6)] public string? PaymentIntentId { get; set; }

    [Id(7)] public string? PaymentReference { get; set; }

    [Id(8)] public List<OrderEvent> Events { get; set; } = [];

    /// <summary>What the entitlement grain was last told; differs from the status only after a crash between the two writes.</summary>
    [Id(9)] public bool AccessGranted { get; set; }

    /// <summary>The payment intent was linked (parked refunds and disputes collected).</summary>
    [Id(10)] public bool PaymentIntentLinked { get; set; }

    /// <summary>The order's Stripe disputes by id: <c>open</c> until closed, then Stripe's closing status (<c>won</c>, <c>lost</c>, ...).</summary>
    [Id(11)] public Dictionary<string, string> Disputes { get; set; } = new(StringComparer.Ordinal);
}
