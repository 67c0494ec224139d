namespace AdaptiveMooc.Grains.Abstractions.Security;

/// <summary>What may be shown about a key: never its secret or digest. <see cref="Courses"/> null: every course.</summary>
[GenerateSerializer, Immutable, Alias("mooc.security.ApiKeySummary")]
public sealed record ApiKeySummary(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string[] Scopes,
    [property: Id(3)] string CreatedBy,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] DateTimeOffset? RevokedAt,
    [property: Id(6)] string[]? Courses = null);
