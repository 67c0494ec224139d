namespace AdaptiveMooc.Grains.Abstractions.Payments;

/// <summary>How an order is paid: Stripe Checkout, or by hand (bank transfer, invoice) confirmed by the provider.</summary>
public static class PaymentMethods
{
    public const string Stripe = "stripe";
    public const string Manual = "manual";
}
