using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace AdaptiveMooc.Api.Security;

/// <summary>
/// Authenticates <c>X-Api-Key</c>: the admin key (compared by SHA-256 digest in constant time) makes an
/// Admin caller; a platform key (<c>mk_...</c>) makes an ApiKey caller with the key's scopes.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AdminKey adminKey,
    ApiKeyValidator validator)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || values.Count == 0)
        {
            return AuthenticateResult.NoResult();
        }

        var principal = await AuthenticateKeyAsync(values.ToString().Trim(), adminKey, validator, SchemeName);
        return principal is null
            ? AuthenticateResult.Fail("Invalid API key.")
            : AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    internal static async Task<System.Security.Claims.ClaimsPrincipal?> AuthenticateKeyAsync(
        string presented, AdminKey adminKey, ApiKeyValidator validator, string scheme)
    {
        if (adminKey.Matches(presented))
        {
            return CallerPrincipals.Create(CallerKind.Admin, "admin", null, scheme);
        }

        return await validator.ValidateAsync(presented) is { } key
            ? CallerPrincipals.Create(CallerKind.ApiKey, key.Id, key.Grant.Scopes, scheme, key.Grant.Courses)
            : null;
    }
}
