using Orleans.Concurrency;

namespace AdaptiveMooc.Grains.Abstractions.Certificates;

/// <summary>The public signing keys of certificates (a stateless worker; any key). The API publishes
/// them in /.well-known/jwks.json and verifies credentials against them.</summary>
[Alias("mooc.certificate.ICertificateKeysGrain")]
public interface ICertificateKeysGrain : IGrainWithIntegerKey
{
    [ReadOnly]
    [Alias("GetPublicKeys")]
    Task<IReadOnlyList<PublicJwk>> GetPublicKeysAsync();
}
