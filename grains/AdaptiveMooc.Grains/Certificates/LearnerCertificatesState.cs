using AdaptiveMooc.Grains.Abstractions.Certificates;

namespace AdaptiveMooc.Grains.Certificates;

[GenerateSerializer]
[Alias("mooc.certificate.learner-state")]
internal sealed class LearnerCertificatesState
{
    [Id(0)] public List<CertificateRef> Certificates { get; set; } = [];
}
