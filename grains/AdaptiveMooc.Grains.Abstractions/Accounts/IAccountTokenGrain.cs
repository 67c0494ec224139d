namespace AdaptiveMooc.Grains.Abstractions.Accounts;

/// <summary>
/// One single-use account token (e-mail verification, password reset), keyed by the hex SHA-256 of the
/// token text. Redeeming it once removes it; an expired one redeems to nothing.
/// </summary>
[Alias("mooc.accounts.IAccountTokenGrain")]
public interface IAccountTokenGrain : IGrainWithStringKey
{
    [Alias("Issue")]
    Task Issue(AccountTokenGrant grant);

    /// <summary>The grant, once, when it exists, has <paramref name="purpose"/> and has not expired; null otherwise. Either way an expired or redeemed token is gone afterwards.</summary>
    [Alias("Redeem")]
    Task<AccountTokenGrant?> Redeem(string purpose);
}
