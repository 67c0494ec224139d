using Orleans.Concurrency;

namespace AdaptiveMooc.Grains.Abstractions.Accounts;

/// <summary>
/// The sign-ins of one account, keyed <c>{Kind}:{id}</c> (as the token service names accounts): a password
/// change, a reset or a deletion revokes every login started before that instant, refresh tokens and access
/// tokens alike.
/// </summary>
[Alias("mooc.accounts.IAccountSessionsGrain")]
public interface IAccountSessionsGrain : IGrainWithStringKey
{
    /// <summary>Revokes every login started before now; answers that instant.</summary>
    [Alias("RevokeAll")]
    Task<DateTimeOffset> RevokeAll();

    /// <summary>Logins started before this instant are revoked; null when none ever was.</summary>
    [ReadOnly]
    [Alias("GetRevokedBefore")]
    Task<DateTimeOffset?> GetRevokedBefore();
}
