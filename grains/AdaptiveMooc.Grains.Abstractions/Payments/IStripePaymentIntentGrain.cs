using Orleans.Concurrency;

namespace AdaptiveMooc.Grains.Abstractions.Payments;

/// <summary>
/// Maps a Stripe payment intent (what charges, refunds and disputes name) to the order it paid, and
/// keeps refund or dispute events that arrive before the order knows its payment intent (Stripe does
/// not promise event order), so the order applies them once it links.
/// </summary>
[Alias("mooc.IStripePaymentIntentGrain")]
public interface IStripePaymentIntentGrain : IGrainWithStringKey
{
    /// <summary>Links the order; returns the events parked before it was known.</summary>
    [Alias("Link")]
    Task<IReadOnlyList<StripeEventFacts>> Link(string orderId);

    [ReadOnly]
    [Alias("GetOrderId")]
    Task<string?> GetOrderId();

    /// <summary>Keeps an event for an order not linked yet; returns the order id when it is linked meanwhile.</summary>
    [Alias("Park")]
    Task<string?> Park(StripeEventFacts facts);
}
