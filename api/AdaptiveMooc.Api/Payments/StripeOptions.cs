namespace AdaptiveMooc.Api.Payments;

/// <summary>
/// <c>Mooc:Stripe</c> (docs/OPERATIONS.md, "Payments"). Without <see cref="SecretKey"/> orders are manual
/// (marked paid by the provider); without <see cref="WebhookSecret"/> the webhook accepts nothing.
/// </summary>
public sealed class StripeOptions
{
    public const string Section = "Mooc:Stripe";

    /// <summary>The secret API key (<c>sk_test_...</c> in test mode, <c>sk_live_...</c> in production).</summary>
    public string? SecretKey { get; set; }

    /// <summary>The webhook endpoint's signing secret (<c>whsec_...</c>, from the Dashboard or <c>stripe listen</c>).</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>How old a signed event may be (seconds) before it is refused as a replay: Stripe's default, 300.</summary>
    public long ToleranceSeconds { get; set; } = 300;

    /// <summary>Where Checkout sends the buyer back: the web app's address.</summary>
    public string WebBaseUrl { get; set; } = "http://127.0.0.1:5081";

    /// <summary>TEST ONLY: another address for Stripe's API (a local fake). Null: Stripe's own.</summary>
    public string? ApiBase { get; set; }

    public bool CheckoutConfigured => !string.IsNullOrWhiteSpace(SecretKey);
}
