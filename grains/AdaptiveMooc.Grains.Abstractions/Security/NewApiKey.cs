namespace AdaptiveMooc.Grains.Abstractions.Security;

[GenerateSerializer, Immutable, Alias("mooc.security.NewApiKey")]
public sealed record NewApiKey(
    [property: Id(0)] string Name,
    [property: Id(1)] string[] Scopes,
    [property: Id(2)] byte[] SecretDigest,
    [property: Id(3)] string CreatedBy,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] string[]? Courses = null);
