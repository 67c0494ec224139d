using System.Text.Json;

namespace AdaptiveMooc.Api.Contracts;

/// <summary>
/// <c>POST /api/providers</c> (with <c>id</c>, and optionally <c>adminTrainerId</c>: its first admin) and
/// <c>PUT /api/providers/{id}</c>: name 1-200 characters, website and logoUrl https addresses,
/// country ISO 3166-1 alpha-2 (<c>FR</c>; lower case is accepted), accreditation statement (at most 2,000) and
/// authority (at most 200). <c>accreditation</c> is the contract's form: a plain string (the statement), or an
/// object <c>{statement, authority}</c>; it fills whichever of the two long fields is not given.
/// </summary>
public sealed record ProviderBody(
    string? Id,
    string? Name,
    string? Website,
    string? Country,
    string? AccreditationStatement,
    string? AccreditationAuthority,
    string? LogoUrl,
    string? AdminTrainerId = null,
    JsonElement? Accreditation = null);
