namespace AdaptiveMooc.Grains.Abstractions.Security;

/// <param name="SubjectKind">Learner or Trainer.</param>
/// <param name="FamilyId">Shared by every token rotated from one login.</param>
/// <param name="ExpiresAt">When this token stops working: the sliding lifetime, never after <paramref name="LoginExpiresAt"/>.</param>
/// <param name="LoginExpiresAt">The login's absolute end, carried unchanged through every rotation (null in tokens issued before it existed).</param>
[GenerateSerializer, Immutable, Alias("mooc.security.RefreshTokenGrant")]
public sealed record RefreshTokenGrant(
    [property: Id(0)] byte[] SecretDigest,
    [property: Id(1)] string SubjectKind,
    [property: Id(2)] string SubjectId,
    [property: Id(3)] string FamilyId,
    [property: Id(4)] DateTimeOffset ExpiresAt,
    [property: Id(5)] DateTimeOffset? LoginExpiresAt = null);
