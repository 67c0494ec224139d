using System.ComponentModel.DataAnnotations;

namespace AdaptiveMooc.Api.Security;

/// <summary>Access and refresh tokens issued by <c>POST /api/auth/token</c> (section <c>Mooc:Jwt</c>).</summary>
public sealed class JwtOptions
{
    public const string Section = "Mooc:Jwt";

    [Required]
    public string Issuer { get; set; } = "adaptive-mooc";

    [Required]
    public string Audience { get; set; } = "adaptive-mooc-api";

    /// <summary>ES256 private key (PKCS#8 PEM), generated on first run with mode 0600. Never committed.</summary>
    [Required]
    public string SigningKeyPath { get; set; } = ".data/secrets/jwt-signing.pem";

    /// <summary>
    /// The key that signed before the last rotation: still accepted and published until tokens it signed
    /// have expired, then deleted by the operator (docs/SECURITY.md).
    /// </summary>
    public string PreviousSigningKeyPath { get; set; } = ".data/secrets/jwt-signing.previous.pem";

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    [Range(typeof(TimeSpan), "00:00:01", "90.00:00:00")]
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How long one login lasts at most, however often its refresh token is rotated; then sign in again.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan RefreshTokenAbsoluteLifetime { get; set; } = TimeSpan.FromDays(30);

    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);
}
