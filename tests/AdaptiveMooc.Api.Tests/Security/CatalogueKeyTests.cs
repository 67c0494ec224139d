using System.Net;
using System.Net.Http.Json;

namespace AdaptiveMooc.Api.Tests.Security;

/// <summary>The catalogue:read scope (the web app's key for visitors) reads the catalogue and nothing private.</summary>
[Collection(SecurityCollection.Name)]
public sealed class CatalogueKeyTests(SecurityFixture fixture)
{
    [Fact]
    public async Task A_catalogue_key_reads_the_catalogue_but_no_analytics_statements_or_keys()
    {
        var (_, key) = await fixture.CreateApiKeyAsync("catalogue:read");
        var credential = Credential.Key(key);

        using (var request = fixture.Request(HttpMethod.Get, "/api/courses?limit=5", credential))
        using (var response = await fixture.Main.Http.SendAsync(request))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True((await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).TryGetProperty("items", out _));
        }

        foreach (var path in new[] { "/api/courses/any-course/analytics", "/xapi/statements", "/api/api-keys", "/api/audit" })
        {
            using var request = fixture.Request(HttpMethod.Get, path, credential);
            request.Headers.Add("X-Experience-API-Version", "1.0.3");
            using var response = await fixture.Main.Http.SendAsync(request);
            Assert.True(
                response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound,
                $"{path} answered {(int)response.StatusCode} to a catalogue:read key");
        }
    }
}
