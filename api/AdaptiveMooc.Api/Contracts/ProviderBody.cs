namespace AdaptiveMooc.Api.Contracts;

/// <summary>
/// <c>POST /api/providers</c> (with <c>id</c> and <c>adminTrainerId</c>) and <c>PUT /api/providers/{id}</c>:
/// name 1-200 characters, website and logoUrl https addresses, country ISO 3166-1 alpha-2 (<c>FR</c>),
/// accreditation statement (at most 2,000) and authority (at most 200).
/// </summary>
public sealed record ProviderBody(
    string? Id,
    string? Name,
    string? Website,
    string? Country,
    string? AccreditationStatement,
    string? AccreditationAuthority,
    string? LogoUrl,
    string? AdminTrainerId = null);
