namespace AdaptiveMooc.Grains.Abstractions.Certificates;

/// <summary>An issued certificate: the Open Badges 3.0 credential and the same signed as a VC-JWT.</summary>
[GenerateSerializer]
[Alias("mooc.certificate.view")]
public sealed record CertificateView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string LearnerId,
    [property: Id(2)] string CourseId,
    [property: Id(3)] string Kind,
    [property: Id(4)] DateTimeOffset IssuedAt,
    [property: Id(5)] bool Revoked,
    [property: Id(6)] string? RevocationReason,
    [property: Id(7)] DateTimeOffset? RevokedAt,
    [property: Id(8)] string CredentialJson,
    [property: Id(9)] string Jwt);
