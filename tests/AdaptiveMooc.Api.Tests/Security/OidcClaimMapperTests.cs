using System.Security.Claims;
using AdaptiveMooc.Api.Security;

namespace AdaptiveMooc.Api.Tests.Security;

/// <summary>
/// Issue 16, finding 9: an external user who sets their <c>preferred_username</c> to a platform user's
/// id must not become that user; identity is the issuer and <c>sub</c>.
/// </summary>
public sealed class OidcClaimMapperTests
{
    private static readonly OidcOptions Options = new() { Authority = "https://idp.example.org" };

    [Fact]
    public void A_chosen_username_does_not_name_the_platform_account()
    {
        var mapped = OidcClaimMapper.Map(External("https://idp.example.org", "user-1", preferredUsername: "alice"), Options)!;

        Assert.NotEqual("alice", Subject(mapped));
        Assert.StartsWith(OidcClaimMapper.IdPrefix, Subject(mapped), StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_issuer_and_subject_keep_their_account_whatever_the_username()
    {
        var before = OidcClaimMapper.Map(External("https://idp.example.org", "user-1", preferredUsername: "bob"), Options)!;
        var renamed = OidcClaimMapper.Map(External("https://idp.example.org", "user-1", preferredUsername: "alice"), Options)!;

        Assert.Equal(Subject(before), Subject(renamed));
    }

    [Fact]
    public void Another_subject_or_another_issuer_is_another_account()
    {
        var one = Subject(OidcClaimMapper.Map(External("https://idp.example.org", "user-1", "alice"), Options)!);
        var otherSubject = Subject(OidcClaimMapper.Map(External("https://idp.example.org", "user-2", "alice"), Options)!);
        var otherIssuer = Subject(OidcClaimMapper.Map(External("https://other.example.org", "user-1", "alice"), Options)!);

        Assert.Equal(3, new[] { one, otherSubject, otherIssuer }.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void A_token_without_a_subject_is_refused()
    {
        Assert.Null(OidcClaimMapper.Map(External("https://idp.example.org", null, "alice"), Options));
    }

    private static ClaimsPrincipal External(string issuer, string? subject, string preferredUsername)
    {
        var claims = new List<Claim> { new("iss", issuer), new("preferred_username", preferredUsername) };
        if (subject is not null)
        {
            claims.Add(new Claim("sub", subject));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    private static string Subject(ClaimsPrincipal principal) => principal.FindFirst(MoocClaims.Subject)!.Value;
}
