using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AdaptiveMooc.Api.Security;
using Microsoft.Extensions.Options;

namespace AdaptiveMooc.Api.Media;

/// <summary>
/// Short-lived signed links to a course's file, so a <c>&lt;video&gt;</c> or <c>&lt;iframe&gt;</c> loads it
/// without a bearer header. The signature is HMAC-SHA256 over media id, course, expiry and the caller the link
/// was made for, with a key kept under .data/secrets; changing any of them, or passing the expiry, voids it.
/// </summary>
public sealed class MediaLinks
{
    private readonly byte[] key;
    private readonly TimeProvider clock;
    private readonly TimeSpan lifetime;

    public MediaLinks(IOptions<MediaOptions> options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        var text = SecretFiles.ReadOrCreate(options.Value.LinkKeyPath, () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        key = Convert.FromBase64String(text.Trim());
        this.clock = clock;
        lifetime = TimeSpan.FromSeconds(Math.Clamp(options.Value.LinkLifetimeSeconds, 30, 86_400));
    }

    public SignedMediaLink Create(string courseId, string mediaId, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var expires = clock.GetUtcNow().Add(lifetime);
        var expiry = expires.ToUnixTimeSeconds();
        var subject = SubjectOf(caller);
        var signature = Sign(courseId, mediaId, expiry, subject);
        var path = $"/api/media/{courseId}/{mediaId}?u={Uri.EscapeDataString(subject)}&e={expiry.ToString(CultureInfo.InvariantCulture)}&s={signature}";
        return new SignedMediaLink(path, DateTimeOffset.FromUnixTimeSeconds(expiry));
    }

    /// <summary>Null when the link is genuine and not expired; otherwise why not.</summary>
    public string? Check(string courseId, string mediaId, string? subject, string? expiry, string? signature)
    {
        if (string.IsNullOrEmpty(subject) || !long.TryParse(expiry, NumberStyles.None, CultureInfo.InvariantCulture, out var expiresAt)
            || string.IsNullOrEmpty(signature))
        {
            return "This address needs a signed link (u, e and s); ask GET /api/courses/{courseId}/media/{mediaId}/link for one.";
        }

        var expected = Encoding.ASCII.GetBytes(Sign(courseId, mediaId, expiresAt, subject));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature)))
        {
            return "The link's signature does not match it.";
        }

        return clock.GetUtcNow().ToUnixTimeSeconds() > expiresAt ? "The link has expired; ask for a new one." : null;
    }

    private static string SubjectOf(Caller caller) => $"{caller.Kind.ToString().ToLowerInvariant()}:{caller.Id}";

    private string Sign(string courseId, string mediaId, long expiry, string subject)
    {
        var message = Encoding.UTF8.GetBytes($"{mediaId}\n{courseId}\n{expiry.ToString(CultureInfo.InvariantCulture)}\n{subject}");
        return Convert.ToBase64String(HMACSHA256.HashData(key, message)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
