using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;

namespace AdaptiveMooc.Api.Security;

/// <summary>
/// The default scheme: picks the real scheme from what the request carries, so one endpoint accepts a
/// bearer token, an API key or (under /xapi) Basic without naming schemes.
/// </summary>
public static class MoocAuthentication
{
    public const string SchemeName = "Mooc";

    public static string SelectScheme(HttpContext context, string ownIssuer, bool oidcEnabled)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName))
        {
            return ApiKeyAuthenticationHandler.SchemeName;
        }

        if (BasicAuthenticationHandler.Applies(context.Request))
        {
            return BasicAuthenticationHandler.SchemeName;
        }

        var authorization = context.Request.Headers.Authorization.ToString();
        if (oidcEnabled && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var token = authorization[7..].Trim();
            var handler = new JsonWebTokenHandler();
            if (handler.CanReadToken(token) && !string.Equals(handler.ReadJsonWebToken(token).Issuer, ownIssuer, StringComparison.Ordinal))
            {
                return OidcClaimMapper.SchemeName;
            }
        }

        return JwtBearerDefaults.AuthenticationScheme;
    }
}
