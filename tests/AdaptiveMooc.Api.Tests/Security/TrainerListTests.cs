using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace AdaptiveMooc.Api.Tests.Security;

/// <summary>GET /api/trainers: admins page through every trainer account in id order.</summary>
[Collection(SecurityCollection.Name)]
public sealed class TrainerListTests(SecurityFixture fixture)
{
    [Fact]
    public async Task Admins_page_through_the_trainers_they_created()
    {
        var created = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            created.Add(await fixture.CreateTrainerAsync("a long passphrase 42"));
        }

        var seen = new List<string>();
        string? next = null;
        do
        {
            using var request = fixture.Request(HttpMethod.Get, "/api/trainers?limit=2" + (next is null ? "" : $"&after={next}"), fixture.Admin);
            using var response = await fixture.Main.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.Content.ReadFromJsonAsync<JsonElement>();
            var items = page.GetProperty("items").EnumerateArray().ToList();
            Assert.InRange(items.Count, 1, 2);
            foreach (var item in items)
            {
                var id = item.GetProperty("id").GetString()!;
                Assert.Equal($"{id}@example.org", item.GetProperty("email").GetString());
                seen.Add(id);
            }

            next = page.GetProperty("next").ValueKind == JsonValueKind.String ? page.GetProperty("next").GetString() : null;
        }
        while (next is not null);

        Assert.Superset(created.ToHashSet(), seen.ToHashSet());
        Assert.Equal(seen.Order(StringComparer.Ordinal), seen);
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task A_cursor_that_is_not_one_of_ours_names_after()
    {
        using var request = fixture.Request(HttpMethod.Get, "/api/trainers?after=%%%", fixture.Admin);
        using var response = await fixture.Main.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("after", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
