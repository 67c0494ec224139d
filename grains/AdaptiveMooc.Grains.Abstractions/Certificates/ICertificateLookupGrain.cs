using Orleans.Concurrency;

namespace AdaptiveMooc.Grains.Abstractions.Certificates;

/// <summary>Maps a public certificate id (a random UUID, keyed by it) to its learner and course, so
/// the id reveals nothing about who earned what.</summary>
[Alias("mooc.certificate.ICertificateLookupGrain")]
public interface ICertificateLookupGrain : IGrainWithGuidKey
{
    [Alias("Set")]
    Task SetAsync(CertificateRef certificate);

    [ReadOnly]
    [Alias("Get")]
    Task<CertificateRef?> GetAsync();
}
