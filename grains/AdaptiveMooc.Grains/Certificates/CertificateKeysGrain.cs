using AdaptiveMooc.Grains.Abstractions.Certificates;
using Orleans.Concurrency;

namespace AdaptiveMooc.Grains.Certificates;

[StatelessWorker]
[GrainType("certificate-keys")]
internal sealed class CertificateKeysGrain(CertificateSigningKey signingKey) : Grain, ICertificateKeysGrain
{
    public Task<IReadOnlyList<PublicJwk>> GetPublicKeysAsync() =>
        Task.FromResult(signingKey.PublishedKeys);
}
