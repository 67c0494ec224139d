using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace AdaptiveMooc.Api.Security;

/// <summary>
/// HTTP Basic for xAPI clients (LRS convention): user = the key's id (or <c>admin</c>), password = the
/// key. Only answers under <c>/xapi</c>; elsewhere Basic is not a way in.
/// </summary>
public sealed class BasicAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AdminKey adminKey,
    ApiKeyValidator validator,
    IClusterClient cluster)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Basic";

    public static bool Applies(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Path.StartsWithSegments("/xapi", StringComparison.OrdinalIgnoreCase)
            && request.Headers.Authorization.ToString().StartsWith("Basic ", StringComparison.OrdinalIgnoreCase);
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Applies(Request))
        {
            return AuthenticateResult.NoResult();
        }

        string user, password;
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(Request.Headers.Authorization.ToString()[6..].Trim()));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                return AuthenticateResult.Fail("Malformed Basic credentials.");
            }

            user = decoded[..colon];
            password = decoded[(colon + 1)..];
        }
        catch (FormatException)
        {
            return AuthenticateResult.Fail("Malformed Basic credentials.");
        }

        // A cmi5 AU's auth-token (docs/XAPI.md, "cmi5"): the launching learner, for the live session only.
        if (user == Xapi.Cmi5.Cmi5Tokens.User)
        {
            return await Xapi.Cmi5.Cmi5Tokens.AuthenticateAsync(cluster, password, SchemeName) is { } launched
                ? AuthenticateResult.Success(new AuthenticationTicket(launched, SchemeName))
                : AuthenticateResult.Fail("The cmi5 auth-token is not valid, or its session is over.");
        }

        var principal = await ApiKeyAuthenticationHandler.AuthenticateKeyAsync(password, adminKey, validator, SchemeName);
        var expectedUser = principal is null ? null : Caller.From(principal) is { IsAdmin: true } ? "admin" : Caller.From(principal).Id;
        return principal is not null && string.Equals(user, expectedUser, StringComparison.Ordinal)
            ? AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName))
            : AuthenticateResult.Fail("Invalid Basic credentials.");
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Basic realm=\"xapi\"";
        return Task.CompletedTask;
    }
}
