using System.Security.Cryptography;
using System.Text;

namespace AdaptiveMooc.Grains.Notifications;

/// <summary>
/// Two signatures on every delivery. The Standard Webhooks ones (standardwebhooks.com): <c>webhook-id</c>
/// (the event id, the same on every retry), <c>webhook-timestamp</c> (Unix seconds of this attempt) and
/// <c>webhook-signature</c> = <c>v1,</c> + base64 HMAC-SHA256 over <c>id.timestamp.body</c> under the
/// secret's key bytes (base64 after <c>whsec_</c>), so a receiver can refuse replays outside its
/// tolerance window. And, kept for receivers written against the contract, <c>X-Mooc-Signature</c>:
/// <c>sha256=</c> and the lowercase hex HMAC-SHA256 of the body bytes under the secret text.
/// </summary>
internal static class WebhookSignature
{
    public const string Header = "X-Mooc-Signature";
    public const string EventIdHeader = "X-Mooc-Event-Id";
    public const string EventTypeHeader = "X-Mooc-Event";
    public const string StandardIdHeader = "webhook-id";
    public const string StandardTimestampHeader = "webhook-timestamp";
    public const string StandardSignatureHeader = "webhook-signature";
    private const string SecretPrefix = "whsec_";
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

    /// <summary>The Standard Webhooks <c>webhook-signature</c> value for one attempt.</summary>
    public static string SignStandard(string secret, string id, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var prefix = Encoding.UTF8.GetBytes(FormattableString.Invariant($"{id}.{timestamp}."));
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(KeyBytes(secret), signed));
    }

    /// <summary>
    /// The HMAC key of a secret: the base64 after <c>whsec_</c>. Secrets made before the switch to standard
    /// base64 used the URL-safe alphabet without padding; both decode to the same 32 bytes.
    /// </summary>
    public static byte[] KeyBytes(string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var text = (secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret)
            .Replace('-', '+').Replace('_', '/');
        text = text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
        return Convert.FromBase64String(text);
    }

    /// <summary>A new random secret (256 bits), <c>whsec_</c> + standard base64 as Standard Webhooks libraries expect.</summary>
    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
