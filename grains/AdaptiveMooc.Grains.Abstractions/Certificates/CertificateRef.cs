namespace AdaptiveMooc.Grains.Abstractions.Certificates;

[GenerateSerializer]
[Alias("mooc.certificate.ref")]
public sealed record CertificateRef(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string LearnerId,
    [property: Id(2)] string CourseId);
