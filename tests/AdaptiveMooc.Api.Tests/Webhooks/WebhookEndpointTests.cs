using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AdaptiveMooc.Tests.Shared;

namespace AdaptiveMooc.Api.Tests.Webhooks;

/// <summary>Webhooks end to end: real silo and API processes, a real receiver on a loopback port.</summary>
[Collection(PlatformCollection.Name)]
public sealed class WebhookEndpointTests(PlatformFixture fixture)
{
    [Fact]
    public async Task A_key_registers_a_webhook_receives_a_signed_ping_and_deletes_it()
    {
        await using var receiver = new WebhookReceiver(500);
        using var admin = fixture.Platform.Client();
        using var key = await KeyClient(admin, "recommendations:read");
        using var otherKey = await KeyClient(admin, "recommendations:read");

        var created = await key.PostAsJsonAsync("/api/webhooks", new { url = receiver.Url, events = new[] { "session-reminder", "inactive" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetString()!;
        var secret = body.GetProperty("secret").GetString()!;
        Assert.Equal($"/api/webhooks/{id}", created.Headers.Location!.OriginalString);
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);

        var listed = await key.GetFromJsonAsync<JsonElement>("/api/webhooks");
        var item = Assert.Single(listed.GetProperty("items").EnumerateArray());
        Assert.Equal(id, item.GetProperty("id").GetString());
        Assert.False(item.TryGetProperty("secret", out _));
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("next").ValueKind);
        Assert.Empty((await otherKey.GetFromJsonAsync<JsonElement>("/api/webhooks")).GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await otherKey.GetAsync($"/api/webhooks/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherKey.DeleteAsync($"/api/webhooks/{id}")).StatusCode);

        // The first attempt gets a 500; the retry (10-12 s later) gets a 200.
        var ping = await key.PostAsync($"/api/webhooks/{id}/pings", null);
        Assert.Equal(HttpStatusCode.Accepted, ping.StatusCode);
        var eventId = (await ping.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("eventId").GetString();
        await receiver.WaitForAsync(2);
        Assert.All(receiver.Received, r =>
        {
            Assert.Equal(eventId, r.Header("X-Mooc-Event-Id"));
            Assert.Equal("ping", r.Header("X-Mooc-Event"));
            var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), r.Body));
            Assert.Equal(expected, r.Header("X-Mooc-Signature"));
            Assert.Equal(eventId, JsonDocument.Parse(r.Body).RootElement.GetProperty("id").GetString());
        });

        var delivered = await Eventually(async () =>
        {
            var view = await key.GetFromJsonAsync<JsonElement>($"/api/webhooks/{id}");
            return view.GetProperty("delivered").GetInt32() == 1 ? view : (JsonElement?)null;
        });
        Assert.Equal(0, delivered.GetProperty("pending").GetInt32());
        Assert.Equal(2, receiver.Received.Count);

        // Admins see every owner's webhooks.
        var all = await admin.GetFromJsonAsync<JsonElement>("/api/webhooks?limit=500");
        Assert.Contains(all.GetProperty("items").EnumerateArray(), w => w.GetProperty("id").GetString() == id);

        Assert.Equal(HttpStatusCode.NoContent, (await key.DeleteAsync($"/api/webhooks/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await key.DeleteAsync($"/api/webhooks/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await key.PostAsync($"/api/webhooks/{id}/pings", null)).StatusCode);
    }

    [Theory]
    [InlineData("{\"events\":[\"inactive\"]}", "url")]
    [InlineData("{\"url\":\"ftp://example.org/x\",\"events\":[\"inactive\"]}", "url")]
    [InlineData("{\"url\":\"http://example.org/x\",\"events\":[\"inactive\"]}", "url")]
    [InlineData("{\"url\":\"https://10.1.2.3/x\",\"events\":[\"inactive\"]}", "url")]
    [InlineData("{\"url\":\"https://user:pw@example.org/x\",\"events\":[\"inactive\"]}", "url")]
    [InlineData("{\"url\":\"https://198.18.0.1/x\",\"events\":[\"inactive\"]}", "url")]
    [InlineData("{\"url\":\"https://192.0.0.8/x\",\"events\":[\"inactive\"]}", "url")]
    [InlineData("{\"url\":\"https://240.0.0.1/x\",\"events\":[\"inactive\"]}", "url")]
    [InlineData("{\"url\":\"https://224.0.0.251/x\",\"events\":[\"inactive\"]}", "url")]
    [InlineData("{\"url\":\"https://[64:ff9b::a9fe:a9fe]/x\",\"events\":[\"inactive\"]}", "url")]
    [InlineData("{\"url\":\"https://[2002:a9fe:a9fe::1]/x\",\"events\":[\"inactive\"]}", "url")]
    [InlineData("{\"url\":\"https://[::ffff:192.0.0.8]/x\",\"events\":[\"inactive\"]}", "url")]
    [InlineData("{\"url\":\"https://example.org/x\"}", "events")]
    [InlineData("{\"url\":\"https://example.org/x\",\"events\":[]}", "events")]
    [InlineData("{\"url\":\"https://example.org/x\",\"events\":[\"ping\"]}", "events")]
    [InlineData("{\"url\":\"https://example.org/x\",\"events\":[\"everything\"]}", "events")]
    public async Task Bad_registrations_get_a_400_naming_the_field_and_store_nothing(string json, string field)
    {
        using var admin = fixture.Platform.Client();
        using var key = await KeyClient(admin, "recommendations:read");

        var response = await key.PostAsync("/api/webhooks", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(field, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty((await key.GetFromJsonAsync<JsonElement>("/api/webhooks")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Keys_without_the_scope_and_learners_may_not_register()
    {
        using var admin = fixture.Platform.Client();
        using var key = await KeyClient(admin, "statements:write");

        var response = await key.PostAsJsonAsync("/api/webhooks", new { url = "https://example.org/x", events = new[] { "inactive" } });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<HttpClient> KeyClient(HttpClient admin, string scope)
    {
        var created = await admin.PostAsJsonAsync("/api/api-keys", new { name = "webhooks-" + Guid.NewGuid().ToString("N")[..8], scopes = new[] { scope } });
        created.EnsureSuccessStatusCode();
        var keyText = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
        var client = fixture.Platform.Client(admin: false);
        client.DefaultRequestHeaders.Add("X-Api-Key", keyText);
        return client;
    }

    private static async Task<JsonElement> Eventually(Func<Task<JsonElement?>> probe)
    {
        for (var i = 0; i < 120; i++)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(500);
        }

        throw new TimeoutException("The webhook view did not show the delivery within a minute.");
    }
}
