using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace AdaptiveMooc.Api.Tests.Security;

/// <summary>GET /api/audit filters on the server: by actor, action (exact or prefix), target and time, paged within the filter.</summary>
[Collection(SecurityCollection.Name)]
public sealed class AuditFilterTests(SecurityFixture fixture)
{
    [Fact]
    public async Task Audit_filters_by_target_and_action_and_pages_within_the_filter()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var trainers = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            trainers.Add(await fixture.CreateTrainerAsync("a long passphrase 42"));
        }

        var (keyId, _) = await fixture.CreateApiKeyAsync("catalogue:read");

        var one = await ListAsync($"/api/audit?target=trainer:{trainers[1]}");
        var entry = Assert.Single(one.GetProperty("items").EnumerateArray());
        Assert.Equal("trainer.create", entry.GetProperty("action").GetString());

        // Newest first, two a page, every page within the filter (other tests write to the log meanwhile).
        var from = Uri.EscapeDataString(before.ToString("O"));
        var seen = new List<string>();
        string? next = null;
        do
        {
            var page = await ListAsync($"/api/audit?action=trainer.&from={from}&limit=2" + (next is null ? "" : $"&after={next}"));
            var items = page.GetProperty("items").EnumerateArray().ToList();
            Assert.True(items.Count <= 2);
            Assert.All(items, e => Assert.StartsWith("trainer.", e.GetProperty("action").GetString(), StringComparison.Ordinal));
            seen.AddRange(items.Select(e => e.GetProperty("target").GetString()!));
            next = page.GetProperty("next").ValueKind == JsonValueKind.String ? page.GetProperty("next").GetString() : null;
        }
        while (next is not null);

        Assert.Equal(trainers.AsEnumerable().Reverse().Select(t => $"trainer:{t}"), seen.Where(t => trainers.Contains(t["trainer:".Length..])));
        var keys = await ListAsync($"/api/audit?action=apiKey.create&target=apiKey:{keyId}");
        Assert.Single(keys.GetProperty("items").EnumerateArray());
        var none = await ListAsync($"/api/audit?target=trainer:{trainers[0]}&to={from}");
        Assert.Empty(none.GetProperty("items").EnumerateArray());
    }

    [Theory]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2026-13-01", "to")]
    [InlineData("from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "to")]
    [InlineData("actor=", "actor")]
    [InlineData("after=%21%21", "after")]
    public async Task Bad_filters_are_400_naming_the_parameter(string query, string field)
    {
        using var request = fixture.Request(HttpMethod.Get, "/api/audit?" + query, fixture.Admin);
        using var response = await fixture.Main.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(field, problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_long_filter_is_400()
    {
        using var request = fixture.Request(HttpMethod.Get, "/api/audit?target=" + new string('x', 201), fixture.Admin);
        using var response = await fixture.Main.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<JsonElement> ListAsync(string path)
    {
        using var request = fixture.Request(HttpMethod.Get, path, fixture.Admin);
        using var response = await fixture.Main.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
