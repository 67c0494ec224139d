namespace AdaptiveMooc.Grains.Security;

[GenerateSerializer, Alias("mooc.security.RefreshTokenFamilyState")]
internal sealed class RefreshTokenFamilyState
{
    [Id(0)] public bool Revoked { get; set; }
}
