using AdaptiveMooc.Grains.Abstractions.Certificates;

namespace AdaptiveMooc.Grains.Certificates;

[GenerateSerializer]
[Alias("mooc.certificate.lookup-state")]
internal sealed class CertificateLookupState
{
    [Id(0)] public CertificateRef? Certificate { get; set; }
}
