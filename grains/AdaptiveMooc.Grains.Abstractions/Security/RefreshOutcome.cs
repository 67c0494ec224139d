namespace AdaptiveMooc.Grains.Abstractions.Security;

[GenerateSerializer, Alias("mooc.security.RefreshOutcome")]
public enum RefreshOutcome
{
    Redeemed = 0,
    Unknown = 1,
    Expired = 2,
    Reused = 3,
    Revoked = 4,
}
