namespace AdaptiveMooc.Grains.Abstractions.Security;

[GenerateSerializer, Immutable, Alias("mooc.security.RefreshRedemption")]
public sealed record RefreshRedemption(
    [property: Id(0)] RefreshOutcome Outcome,
    [property: Id(1)] string? SubjectKind,
    [property: Id(2)] string? SubjectId,
    [property: Id(3)] string? FamilyId,
    [property: Id(4)] DateTimeOffset? LoginExpiresAt = null)
{
    public static RefreshRedemption Rejected(RefreshOutcome outcome) => new(outcome, null, null, null);
}
