using AdaptiveMooc.Grains.Abstractions.Common;

namespace AdaptiveMooc.Grains.Abstractions.Payments;

/// <summary>
/// One order for one paid course (docs/PAYMENTS.md). Every change is durable before the call returns;
/// access follows the order's status (granted when paid, withdrawn when refunded or disputed), and a
/// grant or withdrawal interrupted by a crash is completed on the next call.
/// </summary>
[Alias("mooc.IOrderGrain")]
public interface IOrderGrain : IGrainWithStringKey
{
    /// <summary>Created; Conflict when this id already holds an order.</summary>
    [Alias("Create")]
    Task<CommandResult> Create(OrderRequest request);

    [Alias("Get")]
    Task<OrderSnapshot?> Get();

    /// <summary>Records the Checkout Session created for this order.</summary>
    [Alias("AttachCheckout")]
    Task AttachCheckout(string sessionId, string url);

    /// <summary>
    /// Applies a verified Stripe event (or reconciliation facts). The event id is stored: the same id
    /// again changes nothing. Returns the outcome in words (also kept in the order's events).
    /// </summary>
    [Alias("ApplyStripe")]
    Task<string> ApplyStripe(StripeEventFacts facts);

    /// <summary>A manual order confirmed paid by hand (bank transfer, invoice) with the payer's reference.</summary>
    [Alias("MarkPaid")]
    Task<CommandResult> MarkPaid(string by, string reference, DateTimeOffset at);

    /// <summary>A manual order refunded by hand: access is withdrawn.</summary>
    [Alias("MarkRefunded")]
    Task<CommandResult> MarkRefunded(string by, string reason, DateTimeOffset at);
}
