using AdaptiveMooc.Grains.Abstractions.Providers;

namespace AdaptiveMooc.Api.Contracts;

/// <summary>A provider; <c>accreditation</c> repeats <c>accreditationStatement</c> (the contract's name).</summary>
public sealed record ProviderResponse(
    string Id,
    string Name,
    string? Website,
    string? Country,
    string? AccreditationStatement,
    string? AccreditationAuthority,
    string? LogoUrl,
    IReadOnlyList<string> AdminIds,
    IReadOnlyList<string> TrainerIds,
    IReadOnlyList<string> CourseIds,
    DateTimeOffset CreatedAt,
    string? Accreditation)
{
    public static ProviderResponse From(ProviderSnapshot provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var p = provider.Profile;
        return new ProviderResponse(provider.Id, p.Name, p.Website, p.Country, p.AccreditationStatement, p.AccreditationAuthority, p.LogoUrl,
            provider.AdminIds, provider.TrainerIds, provider.CourseIds, provider.CreatedAt, p.AccreditationStatement);
    }
}
