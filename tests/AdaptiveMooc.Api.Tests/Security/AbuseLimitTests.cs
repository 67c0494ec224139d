using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace AdaptiveMooc.Api.Tests.Security;

/// <summary>Rate limits, API key life cycle, audit, headers and CORS over real HTTP.</summary>
[Collection(SecurityCollection.Name)]
public sealed class AbuseLimitTests(SecurityFixture fixture)
{
    [Fact]
    public async Task A_caller_over_its_limit_gets_429_with_retry_after()
    {
        // A fresh key is its own partition on the limited API (5 requests a minute).
        var (_, key) = await fixture.CreateApiKeyAsync("analytics:read");
        for (var i = 0; i < SecurityFixture.LimitedPermits; i++)
        {
            using var ok = fixture.Request(HttpMethod.Get, "/.well-known/jwks.json", Credential.Key(key));
            using var okResponse = await fixture.Limited.Http.SendAsync(ok);
            Assert.Equal(HttpStatusCode.OK, okResponse.StatusCode);
        }

        using var over = fixture.Request(HttpMethod.Get, "/.well-known/jwks.json", Credential.Key(key));
        using var response = await fixture.Limited.Http.SendAsync(over);
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter?.Delta);
        Assert.InRange(response.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);

        // Another key is another partition and still passes.
        var (_, other) = await fixture.CreateApiKeyAsync("analytics:read");
        using var fresh = fixture.Request(HttpMethod.Get, "/.well-known/jwks.json", Credential.Key(other));
        using var freshResponse = await fixture.Limited.Http.SendAsync(fresh);
        Assert.Equal(HttpStatusCode.OK, freshResponse.StatusCode);
    }

    [Fact]
    public async Task An_api_key_is_shown_once_listed_without_secret_and_dies_on_revocation()
    {
        var (id, key) = await fixture.CreateApiKeyAsync("statements:read", "analytics:read");
        Assert.StartsWith($"mk_{id}_", key, StringComparison.Ordinal);

        using (var listRequest = fixture.Request(HttpMethod.Get, "/api/api-keys?limit=500", fixture.Admin))
        using (var list = await fixture.Main.Http.SendAsync(listRequest))
        {
            var text = await list.Content.ReadAsStringAsync();
            Assert.Contains(id, text, StringComparison.Ordinal);
            Assert.DoesNotContain(key, text, StringComparison.Ordinal);
        }

        // Authenticated (not 401) but not an admin: 403.
        await AssertStatusAsync(HttpMethod.Get, "/api/audit", Credential.Key(key), HttpStatusCode.Forbidden);

        await AssertStatusAsync(HttpMethod.Delete, $"/api/api-keys/{id}", fixture.Admin, HttpStatusCode.NoContent);
        await AssertStatusAsync(HttpMethod.Get, "/api/audit", Credential.Key(key), HttpStatusCode.Unauthorized);
        await AssertStatusAsync(HttpMethod.Delete, $"/api/api-keys/{id}", fixture.Admin, HttpStatusCode.NoContent);
        await AssertStatusAsync(HttpMethod.Delete, "/api/api-keys/0000000000000000", fixture.Admin, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_key_with_a_wrong_secret_or_unknown_scope_is_refused()
    {
        var (id, key) = await fixture.CreateApiKeyAsync("statements:read");
        await AssertStatusAsync(HttpMethod.Get, "/api/audit", Credential.Key($"mk_{id}_{new string('A', 43)}"), HttpStatusCode.Unauthorized);
        await AssertStatusAsync(HttpMethod.Get, "/api/audit", Credential.Key("not-a-key"), HttpStatusCode.Unauthorized);

        using var bad = fixture.Request(HttpMethod.Post, "/api/api-keys", fixture.Admin, new { name = "x", scopes = new[] { "everything" } });
        using var response = await fixture.Main.Http.SendAsync(bad);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("scopes", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        _ = key;
    }

    [Fact]
    public async Task Admin_actions_are_audited_with_who_what_and_when()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);
        var trainer = await fixture.CreateTrainerAsync("correct-horse-battery");
        var (keyId, _) = await fixture.CreateApiKeyAsync("courses:write");

        using var request = fixture.Request(HttpMethod.Get, "/api/audit?limit=500", fixture.Admin);
        using var response = await fixture.Main.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().ToList();
        var created = Assert.Single(items, i => i.GetProperty("target").GetString() == $"trainer:{trainer}");
        Assert.Equal("trainer.create", created.GetProperty("action").GetString());
        Assert.Equal("Admin", created.GetProperty("actorKind").GetString());
        Assert.True(created.GetProperty("at").GetDateTimeOffset() >= before);
        Assert.Contains(items, i => i.GetProperty("target").GetString() == $"apiKey:{keyId}" && i.GetProperty("action").GetString() == "apiKey.create");
    }

    [Fact]
    public async Task Audit_pages_with_an_opaque_cursor()
    {
        await fixture.CreateApiKeyAsync("courses:write");
        await fixture.CreateApiKeyAsync("courses:write");
        using var first = fixture.Request(HttpMethod.Get, "/api/audit?limit=1", fixture.Admin);
        using var firstResponse = await fixture.Main.Http.SendAsync(first);
        var page = await firstResponse.Content.ReadFromJsonAsync<JsonElement>();
        var next = page.GetProperty("next").GetString();
        Assert.NotNull(next);

        using var second = fixture.Request(HttpMethod.Get, $"/api/audit?limit=1&after={next}", fixture.Admin);
        using var secondResponse = await fixture.Main.Http.SendAsync(second);
        var secondPage = await secondResponse.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(
            secondPage.GetProperty("items")[0].GetProperty("sequence").GetInt64() < page.GetProperty("items")[0].GetProperty("sequence").GetInt64());

        await AssertStatusAsync(HttpMethod.Get, "/api/audit?limit=501", fixture.Admin, HttpStatusCode.BadRequest);
        await AssertStatusAsync(HttpMethod.Get, "/api/audit?after=%%%", fixture.Admin, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Responses_carry_security_headers_and_no_server_header()
    {
        using var response = await fixture.Main.Http.GetAsync("/.well-known/jwks.json");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task Cors_is_closed_by_default()
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/auth/token");
        preflight.Headers.Add("Origin", "https://evil.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        using var response = await fixture.Main.Http.SendAsync(preflight);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));

        using var simple = new HttpRequestMessage(HttpMethod.Get, "/.well-known/jwks.json");
        simple.Headers.Add("Origin", "https://evil.example");
        using var simpleResponse = await fixture.Main.Http.SendAsync(simple);
        Assert.False(simpleResponse.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Creating_trainers_is_for_admins_and_validated()
    {
        var trainer = await fixture.CreateTrainerAsync("correct-horse-battery");
        var token = await fixture.TokenAsync(fixture.Main, trainer, "correct-horse-battery");
        var body = new { id = "t-new-" + Guid.NewGuid().ToString("N")[..8], name = "N", email = "n@example.org", password = "long-enough-pw" };
        using (var request = fixture.Request(HttpMethod.Post, "/api/trainers", Credential.Bearer(token.AccessToken), body))
        using (var response = await fixture.Main.Http.SendAsync(request))
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        foreach (var (field, bad) in new (string, object)[]
        {
            ("id", body with { id = "Not Valid" }),
            ("email", body with { email = "nope" }),
            ("password", body with { password = "short" }),
        })
        {
            using var request = fixture.Request(HttpMethod.Post, "/api/trainers", fixture.Admin, bad);
            using var response = await fixture.Main.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.StartsWith(field, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        using var duplicate = fixture.Request(HttpMethod.Post, "/api/trainers", fixture.Admin, body with { id = trainer, email = "other@example.org" });
        using var duplicateResponse = await fixture.Main.Http.SendAsync(duplicate);
        Assert.Equal(HttpStatusCode.Conflict, duplicateResponse.StatusCode);
    }

    private async Task AssertStatusAsync(HttpMethod method, string path, Credential credential, HttpStatusCode expected)
    {
        using var request = fixture.Request(method, path, credential);
        using var response = await fixture.Main.Http.SendAsync(request);
        Assert.Equal(expected, response.StatusCode);
    }
}
