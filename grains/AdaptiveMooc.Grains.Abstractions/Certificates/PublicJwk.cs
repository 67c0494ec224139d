namespace AdaptiveMooc.Grains.Abstractions.Certificates;

/// <summary>A public EC P-256 key as a JWK (RFC 7517), the shape /.well-known/jwks.json lists.</summary>
[GenerateSerializer]
[Alias("mooc.certificate.public-jwk")]
public sealed record PublicJwk(
    [property: Id(0)] string Kty,
    [property: Id(1)] string Crv,
    [property: Id(2)] string X,
    [property: Id(3)] string Y,
    [property: Id(4)] string Kid,
    [property: Id(5)] string Alg,
    [property: Id(6)] string Use);
