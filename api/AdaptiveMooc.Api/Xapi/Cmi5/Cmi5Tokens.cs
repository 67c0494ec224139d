using System.Security.Claims;
using System.Text;
using AdaptiveMooc.Api.Security;
using AdaptiveMooc.Grains.Abstractions.Cmi5;
using AdaptiveMooc.Grains.Abstractions.Common;

namespace AdaptiveMooc.Api.Xapi.Cmi5;

/// <summary>
/// The auth-token a cmi5 AU gets from the fetch URL (cmi5 8.2) and sends as <c>Authorization: Basic &lt;auth-token&gt;</c>:
/// base64 of <c>cmi5:&lt;unit key&gt;|&lt;session id&gt;|&lt;secret&gt;</c>. It authenticates as the launching learner,
/// with the <see cref="SessionClaim"/> naming the session, while the session is live (until terminated or abandoned).
/// </summary>
internal static class Cmi5Tokens
{
    public const string User = "cmi5";
    public const string SessionClaim = "mooc:cmi5";

    public static string Create(string unitKey, Guid sessionId, string secret) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{unitKey}|{sessionId:D}|{secret}"));

    /// <summary>The learner principal for a Basic password of a cmi5 token, or null when the token is not live.</summary>
    public static async Task<ClaimsPrincipal?> AuthenticateAsync(IClusterClient cluster, string password, string scheme)
    {
        var parts = password.Split('|');
        if (parts.Length != 3 || !Guid.TryParseExact(parts[1], "D", out var sessionId) || parts[0].Split('/').Length != 4)
        {
            return null;
        }

        var session = await cluster.ByKey<ICmi5RegistrationGrain>(parts[0]).Authenticate(sessionId, Cmi5Hash.Of(parts[2]));
        if (session is null)
        {
            return null;
        }

        var principal = CallerPrincipals.Create(CallerKind.Learner, session.Unit.LearnerId, null, scheme);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(SessionClaim, $"{parts[0]}|{sessionId:D}"));
        return principal;
    }

    /// <summary>The unit key and session of a request authenticated by a cmi5 token, or null.</summary>
    public static (string UnitKey, Guid SessionId)? SessionOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirst(SessionClaim)?.Value.Split('|') is [var key, var id] && Guid.TryParse(id, out var sessionId) ? (key, sessionId) : null;
    }
}
