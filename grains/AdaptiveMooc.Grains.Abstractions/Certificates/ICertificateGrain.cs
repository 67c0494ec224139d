using Orleans.Concurrency;

namespace AdaptiveMooc.Grains.Abstractions.Certificates;

/// <summary>
/// The certificate of one learner in one course, keyed by <see cref="CertificateKeys.For"/>. The learner
/// grain calls <see cref="EvaluateAsync"/> whenever progress changes; the first call that meets the rule
/// issues the certificate, every later call returns that same certificate.
/// </summary>
[Alias("mooc.certificate.ICertificateGrain")]
public interface ICertificateGrain : IGrainWithStringKey
{
    [Alias("Evaluate")]
    Task<CertificateEvaluation> EvaluateAsync(CertificateProgress progress, CertificateRequirements requirements);

    [ReadOnly]
    [Alias("Get")]
    Task<CertificateView?> GetAsync();

    [Alias("Revoke")]
    Task<RevocationOutcome> RevokeAsync(string reason, string revokedBy);
}
