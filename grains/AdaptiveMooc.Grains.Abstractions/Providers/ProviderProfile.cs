namespace AdaptiveMooc.Grains.Abstractions.Providers;

/// <summary>
/// A training provider (university, training centre, company academy) as it presents itself; the issuer
/// named on its courses' certificates. <see cref="Country"/>: ISO 3166-1 alpha-2.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("mooc.ProviderProfile")]
public sealed record ProviderProfile(
    [property: Id(0)] string Name,
    [property: Id(1)] string? Website,
    [property: Id(2)] string? Country,
    [property: Id(3)] string? AccreditationStatement,
    [property: Id(4)] string? AccreditationAuthority,
    [property: Id(5)] string? LogoUrl);
