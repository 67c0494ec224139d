namespace AdaptiveMooc.Api.Security;

/// <summary>
/// Optional trust of an external OpenID Connect authority (section <c>Mooc:Oidc</c>). Off unless
/// <see cref="Authority"/> is set; its access tokens then authenticate as learners, trainers or admins
/// by <see cref="RoleClaim"/>, with the platform id derived from the token's issuer and <c>sub</c>
/// (<see cref="OidcClaimMapper.PlatformId"/>).
/// </summary>
public sealed class OidcOptions
{
    public const string Section = "Mooc:Oidc";

    public string? Authority { get; set; }

    public string? Audience { get; set; }

    public bool RequireHttpsMetadata { get; set; } = true;

    public string RoleClaim { get; set; } = "roles";

    public string TrainerRole { get; set; } = "trainer";

    /// <summary>No external admin unless named: the admin key stays the only way to admin by default.</summary>
    public string? AdminRole { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);
}
