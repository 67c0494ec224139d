using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;

namespace AdaptiveMooc.Api.Security;

/// <summary>
/// Turns a validated external token into the platform's caller claims. The external user is identified
/// by its issuer and <c>sub</c>, which the authority never reassigns, and never by a name the user can
/// change (<c>preferred_username</c>, <c>email</c>): the platform id is <c>oidc-</c> and 24 hex digits
/// of SHA-256 over issuer and subject, so it cannot name a local account (ids starting <c>oidc-</c> are
/// reserved) nor another issuer's user.
/// </summary>
public static class OidcClaimMapper
{
    public const string SchemeName = "Oidc";
    public const string IdPrefix = "oidc-";

    /// <summary>Null when the token has no issuer or no subject.</summary>
    public static ClaimsPrincipal? Map(ClaimsPrincipal external, OidcOptions options)
    {
        ArgumentNullException.ThrowIfNull(external);
        ArgumentNullException.ThrowIfNull(options);
        var issuer = external.FindFirst("iss")?.Value;
        var subject = external.FindFirst("sub")?.Value;
        if (string.IsNullOrEmpty(issuer) || string.IsNullOrEmpty(subject))
        {
            return null;
        }

        var id = PlatformId(issuer, subject);
        var roles = external.FindAll(options.RoleClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var kind = !string.IsNullOrEmpty(options.AdminRole) && roles.Contains(options.AdminRole) ? CallerKind.Admin
            : roles.Contains(options.TrainerRole) ? CallerKind.Trainer
            : CallerKind.Learner;
        return CallerPrincipals.Create(kind, kind == CallerKind.Admin ? "oidc:" + id : id, null, SchemeName);
    }

    /// <summary>The platform id of the external user <paramref name="subject"/> of <paramref name="issuer"/>.</summary>
    public static string PlatformId(string issuer, string subject)
    {
        ArgumentException.ThrowIfNullOrEmpty(issuer);
        ArgumentException.ThrowIfNullOrEmpty(subject);
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(issuer + "\n" + subject));
        return IdPrefix + Convert.ToHexStringLower(digest)[..24];
    }
}
