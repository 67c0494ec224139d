using System.Security.Claims;
using AdaptiveMooc.Grains.Abstractions.Common;

namespace AdaptiveMooc.Api.Security;

/// <summary>Turns a validated external token into the platform's caller claims.</summary>
public static class OidcClaimMapper
{
    public const string SchemeName = "Oidc";

    /// <summary>Null when the token names no usable platform id.</summary>
    public static ClaimsPrincipal? Map(ClaimsPrincipal external, OidcOptions options)
    {
        ArgumentNullException.ThrowIfNull(external);
        ArgumentNullException.ThrowIfNull(options);
        var id = external.FindFirst(options.SubjectClaim)?.Value?.Trim().ToLowerInvariant();
        if (!Ids.IsValid(id))
        {
            return null;
        }

        var roles = external.FindAll(options.RoleClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var kind = !string.IsNullOrEmpty(options.AdminRole) && roles.Contains(options.AdminRole) ? CallerKind.Admin
            : roles.Contains(options.TrainerRole) ? CallerKind.Trainer
            : CallerKind.Learner;
        return CallerPrincipals.Create(kind, kind == CallerKind.Admin ? "oidc:" + id : id!, null, SchemeName);
    }
}
