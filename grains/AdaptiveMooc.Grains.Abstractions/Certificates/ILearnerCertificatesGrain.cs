using Orleans.Concurrency;

namespace AdaptiveMooc.Grains.Abstractions.Certificates;

/// <summary>The certificates of one learner (keyed by learner id): one entry per course completed, so
/// bounded by the catalogue, not by activity.</summary>
[Alias("mooc.certificate.ILearnerCertificatesGrain")]
public interface ILearnerCertificatesGrain : IGrainWithStringKey
{
    [Alias("Add")]
    Task AddAsync(CertificateRef certificate);

    [ReadOnly]
    [Alias("List")]
    Task<IReadOnlyList<CertificateRef>> ListAsync();
}
