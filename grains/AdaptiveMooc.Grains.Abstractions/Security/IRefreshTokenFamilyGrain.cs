using Orleans.Concurrency;

namespace AdaptiveMooc.Grains.Abstractions.Security;

/// <summary>The revocation flag shared by every refresh token rotated from one login, keyed by family id.</summary>
[Alias("mooc.security.IRefreshTokenFamilyGrain")]
public interface IRefreshTokenFamilyGrain : IGrainWithStringKey
{
    [Alias("IsRevoked"), ReadOnly]
    Task<bool> IsRevoked();

    [Alias("Revoke")]
    Task Revoke();
}
