using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AdaptiveMooc.Api.Tests.Security;

/// <summary>Tokens, refresh rotation, tampering, expiry and lockout over real HTTP.</summary>
[Collection(SecurityCollection.Name)]
public sealed class AuthenticationTests(SecurityFixture fixture)
{
    private const string Password = "correct-horse-battery";

    [Fact]
    public async Task A_trainer_signs_in_by_id_or_email_and_the_token_works()
    {
        var id = await fixture.CreateTrainerAsync(Password);
        var byId = await fixture.TokenAsync(fixture.Main, id, Password);
        var byEmail = await fixture.TokenAsync(fixture.Main, $"{id.ToUpperInvariant()}@EXAMPLE.org", Password);
        Assert.Equal(900, byId.ExpiresIn);

        foreach (var token in new[] { byId, byEmail })
        {
            using var request = fixture.Request(HttpMethod.Get, $"/api/trainers/{id}", Credential.Bearer(token.AccessToken));
            using var response = await fixture.Main.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_wrong_password_or_unknown_user_is_401_with_a_problem()
    {
        var id = await fixture.CreateTrainerAsync(Password);
        foreach (var (username, password) in new[] { (id, "wrong-password"), ("nobody-" + id, Password) })
        {
            using var response = await fixture.Main.Http.PostAsJsonAsync("/api/auth/token", new { username, password });
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task A_missing_field_is_400_naming_it()
    {
        using var response = await fixture.Main.Http.PostAsJsonAsync("/api/auth/token", new { username = "someone" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("password", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refresh_rotates_and_a_reused_refresh_token_ends_the_login()
    {
        var id = await fixture.CreateTrainerAsync(Password);
        var first = await fixture.TokenAsync(fixture.Main, id, Password);

        var second = await RefreshAsync(first.RefreshToken, HttpStatusCode.OK);
        Assert.NotEqual(first.RefreshToken, second!.RefreshToken);
        using (var request = fixture.Request(HttpMethod.Get, $"/api/trainers/{id}", Credential.Bearer(second.AccessToken)))
        using (var response = await fixture.Main.Http.SendAsync(request))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // The first token again: theft is assumed, so the rotated one dies too.
        await RefreshAsync(first.RefreshToken, HttpStatusCode.Unauthorized);
        await RefreshAsync(second.RefreshToken, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_login_kept_alive_by_refreshing_ends_at_its_absolute_lifetime()
    {
        // Issue 16, finding 9: a stolen refresh token rotated faster than its 14-day sliding lifetime
        // used to live forever. The limited API ends every login 8 s after sign-in.
        var id = await fixture.CreateTrainerAsync(Password);
        var started = DateTimeOffset.UtcNow;
        var current = (await fixture.TokenAsync(fixture.Limited, id, Password)).RefreshToken;
        HttpStatusCode status;
        do
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            using var response = await fixture.Limited.Http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = current });
            status = response.StatusCode;
            if (status == HttpStatusCode.OK)
            {
                current = (await response.Content.ReadFromJsonAsync<TokenAnswer>(SecurityFixture.Json))!.RefreshToken;
            }
        }
        while (status == HttpStatusCode.OK && DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.InRange(DateTimeOffset.UtcNow - started, SecurityFixture.LimitedLoginLifetime - TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Logout_revokes_the_refresh_token()
    {
        var id = await fixture.CreateTrainerAsync(Password);
        var tokens = await fixture.TokenAsync(fixture.Main, id, Password);
        using (var request = fixture.Request(HttpMethod.Post, "/api/auth/logout", Credential.Bearer(tokens.AccessToken), new { tokens.RefreshToken }))
        using (var response = await fixture.Main.Http.SendAsync(request))
        {
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }

        await RefreshAsync(tokens.RefreshToken, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_tampered_token_is_401()
    {
        var id = await fixture.CreateTrainerAsync(Password);
        var other = await fixture.CreateTrainerAsync(Password);
        var token = (await fixture.TokenAsync(fixture.Main, id, Password)).AccessToken;
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace(id, other, StringComparison.Ordinal);
        var forged = $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";

        await AssertUnauthorizedAsync(forged);
        await AssertUnauthorizedAsync(token[..^4] + (token[^4..] == "AAAA" ? "BBBB" : "AAAA"));
        await AssertUnauthorizedAsync($"{parts[0]}.{parts[1]}.");
    }

    [Fact]
    public async Task Tokens_signed_by_another_key_or_for_another_audience_are_401()
    {
        var id = await fixture.CreateTrainerAsync(Password);
        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await AssertUnauthorizedAsync(Mint(id, new ECDsaSecurityKey(stranger) { KeyId = "stranger" }, DateTime.UtcNow.AddMinutes(5)));
        var ours = OurKey();
        await AssertUnauthorizedAsync(Mint(id, ours, DateTime.UtcNow.AddMinutes(5), audience: "someone-else"));

        // The same claims signed by our key are accepted: the refusals above are about key and audience only.
        using var request = fixture.Request(HttpMethod.Get, $"/api/trainers/{id}", Credential.Bearer(Mint(id, ours, DateTime.UtcNow.AddMinutes(5))));
        using var response = await fixture.Main.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_expired_token_is_401_saying_so()
    {
        var id = await fixture.CreateTrainerAsync(Password);
        var detail = await AssertUnauthorizedAsync(Mint(id, OurKey(), DateTime.UtcNow.AddMinutes(-2), issuedAt: DateTime.UtcNow.AddMinutes(-20)));
        Assert.Contains("expired", detail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_short_lived_token_stops_working_after_its_lifetime()
    {
        var id = await fixture.CreateTrainerAsync(Password);

        // Warm the limited API's token validation first, so the first use below is not slowed past
        // the short lifetime by start-up work.
        using (var warm = fixture.Request(HttpMethod.Get, $"/api/trainers/{id}", Credential.Bearer(Mint(id, OurKey(), DateTime.UtcNow.AddMinutes(5)))))
        using (var warmResponse = await fixture.Limited.Http.SendAsync(warm))
        {
            Assert.Equal(HttpStatusCode.OK, warmResponse.StatusCode);
        }

        var token = await fixture.TokenAsync(fixture.Limited, id, Password);
        Assert.Equal((int)SecurityFixture.LimitedTokenLifetime.TotalSeconds, token.ExpiresIn);
        var expires = new JsonWebToken(token.AccessToken).ValidTo;

        using (var request = fixture.Request(HttpMethod.Get, $"/api/trainers/{id}", Credential.Bearer(token.AccessToken)))
        using (var response = await fixture.Limited.Http.SendAsync(request))
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        }

        var wait = expires - DateTime.UtcNow + TimeSpan.FromSeconds(1);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        using var late = fixture.Request(HttpMethod.Get, $"/api/trainers/{id}", Credential.Bearer(token.AccessToken));
        using var lateResponse = await fixture.Limited.Http.SendAsync(late);
        Assert.Equal(HttpStatusCode.Unauthorized, lateResponse.StatusCode);
    }

    [Fact]
    public async Task Five_failed_logins_lock_the_account_even_for_the_right_password()
    {
        var id = await fixture.CreateTrainerAsync(Password);
        var bystander = await fixture.CreateTrainerAsync(Password);
        for (var i = 0; i < 5; i++)
        {
            using var failed = await fixture.Main.Http.PostAsJsonAsync("/api/auth/token", new { username = id, password = "wrong-" + i });
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        using var locked = await fixture.Main.Http.PostAsJsonAsync("/api/auth/token", new { username = id, password = Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        var retryAfter = locked.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
        Assert.Equal("application/problem+json", locked.Content.Headers.ContentType?.MediaType);

        // The e-mail names the same account, so it is locked too; another account is not.
        using var byEmail = await fixture.Main.Http.PostAsJsonAsync("/api/auth/token", new { username = $"{id}@example.org", password = Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, byEmail.StatusCode);
        await fixture.TokenAsync(fixture.Main, bystander, Password);
    }

    [Fact]
    public async Task The_jwks_publishes_the_key_that_verifies_our_tokens()
    {
        var id = await fixture.CreateTrainerAsync(Password);
        var token = new JsonWebToken((await fixture.TokenAsync(fixture.Main, id, Password)).AccessToken);
        var jwks = new JsonWebKeySet(await fixture.Main.Http.GetStringAsync("/.well-known/jwks.json"));

        var key = Assert.Single(jwks.Keys, k => k.Kid == token.Kid);
        Assert.Equal("ES256", token.Alg);
        Assert.False(key.HasPrivateKey);
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token.EncodedToken, new TokenValidationParameters
        {
            ValidateIssuer = false,
            ValidateAudience = false,
            IssuerSigningKeys = jwks.Keys,
        });
        Assert.True(result.IsValid, result.Exception?.Message);
    }

    private async Task<TokenAnswer?> RefreshAsync(string refreshToken, HttpStatusCode expected)
    {
        using var response = await fixture.Main.Http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken });
        Assert.Equal(expected, response.StatusCode);
        return expected == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<TokenAnswer>(SecurityFixture.Json) : null;
    }

    private async Task<string> AssertUnauthorizedAsync(string token)
    {
        using var request = fixture.Request(HttpMethod.Get, "/api/audit", Credential.Bearer(token));
        using var response = await fixture.Main.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.GetProperty("detail").GetString() ?? string.Empty;
    }

    // Not disposed: IdentityModel caches signature providers by key id, and a later test signing with
    // the same kid would reach a disposed key.
    private ECDsaSecurityKey OurKey()
    {
        var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(File.ReadAllText(fixture.SigningKeyPath));
        var key = new ECDsaSecurityKey(ecdsa);
        var jwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(ECDsa.Create(ecdsa.ExportParameters(false))));
        key.KeyId = Base64UrlEncoder.Encode(jwk.ComputeJwkThumbprint());
        return key;
    }

    private static string Mint(string trainerId, SecurityKey key, DateTime expires, string audience = "adaptive-mooc-api", DateTime? issuedAt = null)
    {
        var issued = issuedAt ?? DateTime.UtcNow;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "adaptive-mooc",
            Audience = audience,
            IssuedAt = issued,
            NotBefore = issued,
            Expires = expires,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.EcdsaSha256),
            Claims = new Dictionary<string, object> { ["sub"] = trainerId, ["mooc:kind"] = "Trainer" },
        });
    }
}
