using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace AdaptiveMooc.Api.Tests;

/// <summary>Course analytics over HTTP: query validation and the at-risk list served by the shipped models (the platform runs with Mooc:Models:Path).</summary>
[Collection(PlatformCollection.Name)]
public sealed class AnalyticsHttpTests(PlatformFixture fixture)
{
    [Theory]
    [InlineData("asOf=yesterday", "asOf")]
    [InlineData("atRiskLimit=-1", "atRiskLimit")]
    [InlineData("atRiskLimit=10001", "atRiskLimit")]
    [InlineData("atRiskLimit=ten", "atRiskLimit")]
    public async Task A_bad_analytics_query_is_refused_naming_the_field(string query, string field)
    {
        using var client = fixture.Platform.Client();
        var courseId = Payloads.NewId("course");
        (await client.PostAsJsonAsync("/api/courses", Payloads.Course(courseId))).EnsureSuccessStatusCode();

        var response = await client.GetAsync(new Uri($"/api/courses/{courseId}/analytics?{query}", UriKind.Relative));

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task The_at_risk_list_ranks_the_learner_who_stopped_above_the_one_who_kept_going()
    {
        using var client = fixture.Platform.Client();
        var courseId = Payloads.NewId("course");
        (await client.PostAsJsonAsync("/api/courses", Payloads.Course(courseId))).EnsureSuccessStatusCode();
        await Payloads.BankAsync(client, courseId, Payloads.Course(courseId));
        (await client.PostAsync(new Uri($"/api/courses/{courseId}/publish", UriKind.Relative), null)).EnsureSuccessStatusCode();
        var today = new DateTimeOffset(DateTimeOffset.UtcNow.UtcDateTime.Date, TimeSpan.Zero);
        var enrolled = today.AddDays(-21);
        var steady = Payloads.NewId("steady");
        var stopped = Payloads.NewId("stopped");
        var statements = new JsonArray();
        foreach (var learnerId in new[] { steady, stopped })
        {
            (await client.PostAsJsonAsync("/api/learners", Payloads.Learner(learnerId))).EnsureSuccessStatusCode();
            (await client.PostAsJsonAsync($"/api/learners/{learnerId}/enrollments", new JsonObject { ["courseId"] = courseId, ["enrolledAt"] = enrolled.ToString("O") })).EnsureSuccessStatusCode();
            for (var day = 0; day < (learnerId == steady ? 21 : 3); day++)
            {
                for (var k = 0; k < 3; k++)
                {
                    statements.Add(Payloads.Statement(learnerId, courseId, k == 0 ? "l1" : "l3", "experienced", enrolled.AddDays(day).AddHours(9 + k), duration: "PT10M"));
                }
            }
        }

        (await client.PostAsJsonAsync("/xapi/statements", statements)).EnsureSuccessStatusCode();

        // Analytics follow the learner grains shortly after the statements are durable: wait until the
        // learner table shows every active day, then read the list.
        var asOf = Uri.EscapeDataString(today.AddHours(8).ToString("O"));
        for (var attempt = 0; attempt < 60; attempt++)
        {
            var csv = await client.GetStringAsync(new Uri($"/api/courses/{courseId}/analytics/learners.csv?asOf={asOf}", UriKind.Relative));
            var activeDays = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line.Split(',')).ToDictionary(f => f[0], f => f[7]);
            if (activeDays.GetValueOrDefault(steady) == "21" && activeDays.GetValueOrDefault(stopped) == "3")
            {
                break;
            }

            await Task.Delay(500);
        }

        var response = await client.GetAsync(new Uri($"/api/courses/{courseId}/analytics?atRiskLimit=10&asOf={asOf}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var analytics = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var list = analytics["atRisk"]!.AsArray();
        Assert.StartsWith("model set ", (string)analytics["atRiskStatus"]!, StringComparison.Ordinal);
        Assert.Equal([stopped, steady], list.Select(l => (string)l!["learnerId"]!));
        Assert.True((double)list[0]!["risk"]! > (double)list[1]!["risk"]!);
        Assert.NotEmpty(list[0]!["reasons"]!.AsArray());
        Assert.Equal(list[0]!["reasons"]!.AsArray().Count, list[0]!["reasonCodes"]!.AsArray().Count);
        Assert.InRange((double)list[0]!["atRiskProbability"]!, 0, 1);
        Assert.Equal(21, (int)list[0]!["courseDay"]!);
    }

    [Fact]
    public async Task An_admin_rebuild_answers_202_and_the_shards_come_back_with_the_same_learner_table()
    {
        using var client = fixture.Platform.Client();
        var courseId = Payloads.NewId("course");
        (await client.PostAsJsonAsync("/api/courses", Payloads.Course(courseId))).EnsureSuccessStatusCode();
        await Payloads.BankAsync(client, courseId, Payloads.Course(courseId));
        (await client.PostAsync(new Uri($"/api/courses/{courseId}/publish", UriKind.Relative), null)).EnsureSuccessStatusCode();
        var learnerId = Payloads.NewId("learner");
        var start = new DateTimeOffset(DateTimeOffset.UtcNow.UtcDateTime.Date, TimeSpan.Zero).AddDays(-5);
        (await client.PostAsJsonAsync("/api/learners", Payloads.Learner(learnerId))).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"/api/learners/{learnerId}/enrollments", new JsonObject { ["courseId"] = courseId, ["enrolledAt"] = start.ToString("O") })).EnsureSuccessStatusCode();
        var statements = new JsonArray();
        for (var day = 0; day < 4; day++)
        {
            statements.Add(Payloads.Statement(learnerId, courseId, "l1", "experienced", start.AddDays(day).AddHours(10), duration: "PT5M"));
        }

        (await client.PostAsJsonAsync("/xapi/statements", statements)).EnsureSuccessStatusCode();
        var table = new Uri($"/api/courses/{courseId}/analytics/learners.csv?asOf={Uri.EscapeDataString(start.AddDays(5).ToString("O"))}", UriKind.Relative);
        var before = await Eventually(client, table, csv => csv.Contains($"{learnerId},", StringComparison.Ordinal) && csv.Split('\n')[1].Split(',')[7] == "4");

        var response = await client.PostAsync(new Uri($"/api/courses/{courseId}/analytics/rebuild", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(courseId, (string)body["courseId"]!);
        Assert.Equal(8, (int)body["shards"]!);
        Assert.Equal(before, await Eventually(client, table, csv => csv == before));

        var unknown = await client.PostAsync(new Uri($"/api/courses/{Payloads.NewId("nothing")}/analytics/rebuild", UriKind.Relative), null);
        await Problem.AssertAsync(unknown, HttpStatusCode.NotFound, null);
    }

    /// <summary>Analytics follow the learner grains (and a rebuild runs in the shards) shortly after the call returns.</summary>
    private static async Task<string> Eventually(HttpClient client, Uri uri, Func<string, bool> done)
    {
        var csv = string.Empty;
        for (var attempt = 0; attempt < 60; attempt++)
        {
            csv = await client.GetStringAsync(uri);
            if (done(csv))
            {
                return csv;
            }

            await Task.Delay(500);
        }

        Assert.Fail($"analytics never reached the expected state; last: {csv}");
        return csv;
    }
}
