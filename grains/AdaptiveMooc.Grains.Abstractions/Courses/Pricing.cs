using System.Text.Json.Serialization;

namespace AdaptiveMooc.Grains.Abstractions.Courses;

/// <summary><c>kind</c>: <c>free</c> or <c>paid</c> (then with <c>price</c> and an ISO 4217 <c>currency</c>).</summary>
[GenerateSerializer]
[Immutable]
[Alias("mooc.Pricing")]
public sealed record Pricing(
    [property: Id(0)] string Kind,
    [property: Id(1)] decimal? Price = null,
    [property: Id(2)] string? Currency = null)
{
    public const string Free = "free";
    public const string Paid = "paid";

    // Stripe's zero-decimal currencies (https://docs.stripe.com/currencies#zero-decimal).
    private static readonly HashSet<string> ZeroDecimal = new(StringComparer.Ordinal)
    {
        "BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF",
    };

    [JsonIgnore]
    public bool IsPaid => Kind == Paid;

    /// <summary>The price in the currency's smallest unit (cents), as payment providers charge it; null when not whole or too large.</summary>
    public static long? ToMinorUnits(decimal price, string currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        if (price <= 0 || price > 999_999)
        {
            return null;
        }

        var minor = ZeroDecimal.Contains(currency) ? price : price * 100;
        return minor == decimal.Truncate(minor) ? (long)minor : null;
    }
}
