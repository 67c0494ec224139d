namespace AdaptiveMooc.Grains.Abstractions.Accounts;

/// <summary>
/// What a mailed token grants. The token itself is never stored: the grain is keyed by its SHA-256.
/// <see cref="PasswordStamp"/> is the account's stamp when the token was made (a reset token dies when the
/// password changes by any path); <see cref="EmailDigest"/> is the SHA-256 of the address a verification
/// token confirms, so the address is not kept beside the token.
/// </summary>
[GenerateSerializer]
[Alias("mooc.accounts.AccountTokenGrant")]
public sealed record AccountTokenGrant(
    [property: Id(0)] string Purpose,
    [property: Id(1)] string AccountKind,
    [property: Id(2)] string AccountId,
    [property: Id(3)] int PasswordStamp,
    [property: Id(4)] string? EmailDigest,
    [property: Id(5)] DateTimeOffset ExpiresAt);
