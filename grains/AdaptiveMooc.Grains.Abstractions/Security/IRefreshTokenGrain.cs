namespace AdaptiveMooc.Grains.Abstractions.Security;

/// <summary>
/// One refresh token, keyed by its id (carried in the token text). One-time use: redeeming it marks
/// it used; presenting a used token again is treated as theft and revokes its whole family.
/// </summary>
[Alias("mooc.security.IRefreshTokenGrain")]
public interface IRefreshTokenGrain : IGrainWithStringKey
{
    [Alias("Issue")]
    Task Issue(RefreshTokenGrant grant);

    [Alias("Redeem")]
    Task<RefreshRedemption> Redeem(byte[] secretDigest);

    /// <summary>Revokes the token's family (sign-out): every token of that login stops working.</summary>
    [Alias("RevokeFamily")]
    Task RevokeFamily(byte[] secretDigest);
}
