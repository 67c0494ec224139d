using System.Security.Cryptography;
using System.Text;

namespace AdaptiveMooc.Grains.Notifications;

/// <summary>
/// The <c>X-Mooc-Signature</c> header: <c>sha256=</c> and the lowercase hex HMAC-SHA256 of the exact
/// body bytes under the webhook's secret. Receivers recompute it and compare in constant time.
/// </summary>
internal static class WebhookSignature
{
    public const string Header = "X-Mooc-Signature";
    public const string EventIdHeader = "X-Mooc-Event-Id";
    public const string EventTypeHeader = "X-Mooc-Event";
    private const string Prefix = "sha256=";

    public static string Sign(string secret, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);
        return Prefix + Convert.ToHexStringLower(mac);
    }

    public static bool Verify(string secret, ReadOnlySpan<byte> body, string? signature)
    {
        if (string.IsNullOrEmpty(signature) || !signature.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, body));
        var given = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    /// <summary>A new random secret (256 bits, URL-safe).</summary>
    public static string NewSecret() =>
        "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
