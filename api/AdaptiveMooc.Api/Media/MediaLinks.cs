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
    private readonly TimeSpan packageLifetime;

    public MediaLinks(IOptions<MediaOptions> options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        var text = SecretFiles.ReadOrCreate(options.Value.LinkKeyPath, () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        key = Convert.FromBase64String(text.Trim());
        this.clock = clock;
        lifetime = TimeSpan.FromSeconds(Math.Clamp(options.Value.LinkLifetimeSeconds, 30, 86_400));
        packageLifetime = TimeSpan.FromSeconds(Math.Clamp(options.Value.Cmi5ContentLifetimeSeconds, 300, 86_400));
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
        // A caller subject always has a colon; the package tokens' purpose ("cmi5-content") has none, so they never pass here.
        if (string.IsNullOrEmpty(subject) || !subject.Contains(':', StringComparison.Ordinal) || !long.TryParse(expiry, NumberStyles.None, CultureInfo.InvariantCulture, out var expiresAt)
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

    /// <summary>
    /// The signed base path of a cmi5 package's files, <c>/api/cmi5-content/{courseId}/{mediaId}/{expiry}.{signature}/</c>:
    /// the token sits in the path so the AU's relative links (scripts, images, other pages) keep it. The HMAC covers
    /// a purpose of its own, media id, course and expiry, so a media link's signature never passes for it.
    /// </summary>
    public string CreatePackageBase(string courseId, string mediaId)
    {
        var expiry = clock.GetUtcNow().Add(packageLifetime).ToUnixTimeSeconds();
        return $"/api/cmi5-content/{courseId}/{mediaId}/{expiry.ToString(CultureInfo.InvariantCulture)}.{SignPackage(courseId, mediaId, expiry)}/";
    }

    /// <summary>The expiry (Unix seconds) of a genuine, live package token; null when it is forged, altered or expired.</summary>
    public long? CheckPackage(string courseId, string mediaId, string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !long.TryParse(token.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var expiresAt))
        {
            return null;
        }

        var expected = Encoding.ASCII.GetBytes(SignPackage(courseId, mediaId, expiresAt));
        var given = Encoding.ASCII.GetBytes(token[(dot + 1)..]);
        return CryptographicOperations.FixedTimeEquals(expected, given) && clock.GetUtcNow().ToUnixTimeSeconds() <= expiresAt ? expiresAt : null;
    }

    private string SignPackage(string courseId, string mediaId, long expiry) =>
        Sign(courseId, mediaId, expiry, "cmi5-content");

    private static string SubjectOf(Caller caller) => $"{caller.Kind.ToString().ToLowerInvariant()}:{caller.Id}";

    private string Sign(string courseId, string mediaId, long expiry, string subject)
    {
        var message = Encoding.UTF8.GetBytes($"{mediaId}\n{courseId}\n{expiry.ToString(CultureInfo.InvariantCulture)}\n{subject}");
        return Convert.ToBase64String(HMACSHA256.HashData(key, message)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
