namespace AdaptiveMooc.Grains.Abstractions.Certificates;

/// <summary>The result of checking the course rule: the certificate when it is (or already was) earned,
/// otherwise what is still missing. <see cref="NoAccess"/>: the rule is met but the course is paid and the learner
/// has no access to it any more (refunded, disputed): no new certificate (docs/PAYMENTS.md).</summary>
[GenerateSerializer]
[Alias("mooc.certificate.evaluation")]
public sealed record CertificateEvaluation(
    [property: Id(0)] bool Eligible,
    [property: Id(1)] CertificateView? Certificate,
    [property: Id(2)] IReadOnlyList<string> MissingLessonIds,
    [property: Id(3)] double MeanScore,
    [property: Id(4)] bool NewlyIssued,
    [property: Id(5)] bool NoAccess = false);
