using System.Security.Claims;

namespace AdaptiveMooc.Api.Security;

/// <summary>Builds the principal every scheme hands to <see cref="Caller.From"/>.</summary>
public static class CallerPrincipals
{
    public static ClaimsPrincipal Create(CallerKind kind, string id, IEnumerable<string>? scopes, string authenticationType, IEnumerable<string>? courses = null)
    {
        var claims = new List<Claim> { new(MoocClaims.Kind, kind.ToString()), new(MoocClaims.Subject, id) };
        if (scopes is not null)
        {
            var joined = string.Join(' ', scopes);
            if (joined.Length > 0)
            {
                claims.Add(new Claim(MoocClaims.Scope, joined));
            }
        }

        foreach (var course in courses ?? [])
        {
            claims.Add(new Claim(MoocClaims.Course, course));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, MoocClaims.Subject, MoocClaims.Kind));
    }
}
