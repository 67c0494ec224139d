namespace AdaptiveMooc.Grains.Abstractions.Certificates;

[Alias("mooc.certificate.revocation-outcome")]
public enum RevocationOutcome
{
    Revoked = 0,
    NotFound = 1,
    AlreadyRevoked = 2,
}
