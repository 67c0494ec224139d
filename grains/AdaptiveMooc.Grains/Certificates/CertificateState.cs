namespace AdaptiveMooc.Grains.Certificates;

[GenerateSerializer]
[Alias("mooc.certificate.state")]
internal sealed class CertificateState
{
    [Id(0)] public bool Issued { get; set; }
    [Id(1)] public Guid Id { get; set; }
    [Id(2)] public string Kind { get; set; } = string.Empty;
    [Id(3)] public DateTimeOffset IssuedAt { get; set; }
    [Id(4)] public string CredentialJson { get; set; } = string.Empty;
    [Id(5)] public string Jwt { get; set; } = string.Empty;
    [Id(6)] public bool Revoked { get; set; }
    [Id(7)] public string? RevocationReason { get; set; }
    [Id(8)] public DateTimeOffset? RevokedAt { get; set; }
    [Id(9)] public string? RevokedBy { get; set; }

    /// <summary>True once the lookup and the learner's list know the certificate; until then every call retries that.</summary>
    [Id(10)] public bool Indexed { get; set; }

    /// <summary>The revocation status list and entry of this certificate (null for certificates issued before status lists).</summary>
    [Id(11)] public long? StatusList { get; set; }

    [Id(12)] public int? StatusIndex { get; set; }
}
