using AdaptiveMooc.Grains.Abstractions.Security;

namespace AdaptiveMooc.Grains.Security;

[GenerateSerializer, Alias("mooc.security.RefreshTokenState")]
internal sealed class RefreshTokenState
{
    [Id(0)] public RefreshTokenGrant? Grant { get; set; }
    [Id(1)] public DateTimeOffset? UsedAt { get; set; }
}
