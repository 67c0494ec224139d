using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AdaptiveMooc.Api.Tests;

[Collection(PlatformCollection.Name)]
public sealed class RoundTripTests(PlatformFixture fixture)
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.UtcNow.AddDays(-3);

    [Fact]
    public async Task Course_enrolment_statements_and_progress_round_trip()
    {
        using var client = fixture.Platform.Client();
        var courseId = Payloads.NewId("course");
        var learnerId = Payloads.NewId("learner");

        var created = await client.PostAsJsonAsync("/api/courses", Payloads.Course(courseId));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/courses/{courseId}", created.Headers.Location?.OriginalString);
        var enrolBeforePublish = await RegisterAndEnrol(client, learnerId, courseId);
        await Problem.AssertAsync(enrolBeforePublish, HttpStatusCode.Conflict, "not published");

        // Quiz l2 names q1 and q2: publishing waits for them in the question bank, and says which are missing.
        var early = await Problem.AssertAsync(await client.PostAsync(new Uri($"/api/courses/{courseId}/publish", UriKind.Relative), null), HttpStatusCode.Conflict, "q1, q2");
        Assert.Equal("modules[0].lessons[1].items[0].id", early.GetProperty("field").GetString());
        await Payloads.BankAsync(client, courseId, Payloads.Course(courseId));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(new Uri($"/api/courses/{courseId}/publish", UriKind.Relative), null)).StatusCode);
        await Problem.AssertAsync(await client.PostAsync(new Uri($"/api/courses/{courseId}/publish", UriKind.Relative), null), HttpStatusCode.Conflict, "already published");
        var enrolled = await client.PostAsJsonAsync($"/api/learners/{learnerId}/enrollments", new JsonObject { ["courseId"] = courseId });
        Assert.Equal(HttpStatusCode.Created, enrolled.StatusCode);

        var posted = await client.PostAsJsonAsync("/xapi/statements", new JsonArray(
            Payloads.Statement(learnerId, courseId, "l1", "completed", T0, duration: "PT20M"),
            Payloads.Statement(learnerId, courseId, "l2", "experienced", T0.AddHours(2), duration: "PT5M"),
            Payloads.Statement(learnerId, courseId, "l3", "progressed", T0.AddHours(1), completion: true)));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal(3, (await posted.Content.ReadFromJsonAsync<Guid[]>())!.Length);
        Assert.Equal("1.0.3", posted.Headers.GetValues("X-Experience-API-Version").Single());

        var progress = await client.GetFromJsonAsync<JsonElement>($"/api/learners/{learnerId}/courses/{courseId}/progress");
        Assert.Equal(courseId, progress.GetProperty("courseId").GetString());
        Assert.Equal(["l1", "l3"], progress.GetProperty("completedLessons").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(50, progress.GetProperty("percentComplete").GetDouble());
        Assert.Equal(25, progress.GetProperty("minutesSpent").GetDouble());
        Assert.Equal(T0.AddHours(2).ToUnixTimeSeconds(), progress.GetProperty("lastActivity").GetDateTimeOffset().ToUnixTimeSeconds());
        Assert.Equal(JsonValueKind.Object, progress.GetProperty("masteryBySkill").ValueKind);

        var enrolments = await client.GetFromJsonAsync<JsonElement>($"/api/learners/{learnerId}/enrollments");
        Assert.Equal(courseId, enrolments.GetProperty("items")[0].GetProperty("courseId").GetString());
        Assert.Equal(JsonValueKind.Null, enrolments.GetProperty("next").ValueKind);
    }

    [Fact]
    public async Task Repeated_statement_id_is_stored_once_and_other_content_conflicts()
    {
        using var client = fixture.Platform.Client();
        var (learnerId, courseId) = await Payloads.EnrolledLearner(client);
        var id = Guid.NewGuid();
        var statement = Payloads.Statement(learnerId, courseId, "l1", "experienced", T0, id, duration: "PT10M");

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/xapi/statements", statement)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/xapi/statements", statement.DeepClone())).StatusCode);
        var other = Payloads.Statement(learnerId, courseId, "l1", "completed", T0, id);
        var fresh = Payloads.Statement(learnerId, courseId, "l2", "completed", T0);
        await Problem.AssertAsync(await client.PostAsJsonAsync("/xapi/statements", new JsonArray(fresh, other)), HttpStatusCode.Conflict, id.ToString());

        var stored = await Statements(client, $"agent={Payloads.Agent(learnerId)}");
        Assert.Equal([id.ToString()], stored.Select(s => s.GetProperty("id").GetString()));
        var progress = await client.GetFromJsonAsync<JsonElement>($"/api/learners/{learnerId}/courses/{courseId}/progress");
        Assert.Equal(10, progress.GetProperty("minutesSpent").GetDouble());
        Assert.Empty(progress.GetProperty("completedLessons").EnumerateArray());
    }

    [Fact]
    public async Task Concurrent_requests_commit_together_and_only_the_conflicting_one_gets_409()
    {
        using var client = fixture.Platform.Client();
        var (learnerId, courseId) = await Payloads.EnrolledLearner(client);
        var id = Guid.NewGuid();
        var statement = Payloads.Statement(learnerId, courseId, "l1", "experienced", T0, id, duration: "PT10M");
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/xapi/statements", statement)).StatusCode);

        // Sent at once so the silo's writer queues them into shared transactions, the conflicting one among them.
        var fresh = Enumerable.Range(0, 24)
            .Select(i => Payloads.Statement(learnerId, courseId, "l2", "experienced", T0.AddMinutes(i), duration: "PT1M"))
            .ToList();
        var conflicting = Payloads.Statement(learnerId, courseId, "l1", "completed", T0, id);
        var payloads = fresh.Take(12).Append(conflicting).Append(statement.DeepClone()).Concat(fresh.Skip(12)).ToList();
        var responses = await Task.WhenAll(payloads.Select(p => client.PostAsJsonAsync("/xapi/statements", p)));

        await Problem.AssertAsync(responses[12], HttpStatusCode.Conflict, id.ToString());
        Assert.All(responses.Where((_, i) => i != 12), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var stored = await Statements(client, $"agent={Payloads.Agent(learnerId)}");
        var expected = fresh.Select(f => f["id"]!.GetValue<string>()).Append(id.ToString()).Order().ToList();
        Assert.Equal(expected, stored.Select(s => s.GetProperty("id").GetString()!).Order().ToList());
        var progress = await client.GetFromJsonAsync<JsonElement>($"/api/learners/{learnerId}/courses/{courseId}/progress");
        Assert.Equal(34, progress.GetProperty("minutesSpent").GetDouble());
    }

    [Fact]
    public async Task Statements_filter_and_page_with_more()
    {
        using var client = fixture.Platform.Client();
        var (learnerId, courseId) = await Payloads.EnrolledLearner(client);
        var batch = new JsonArray([.. Enumerable.Range(0, 7).Select(i => (JsonNode)Payloads.Statement(learnerId, courseId, i % 2 == 0 ? "l1" : "l2", "experienced", T0.AddMinutes(i)))]);
        (await client.PostAsJsonAsync("/xapi/statements", batch)).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync("/xapi/statements", Payloads.Statement(learnerId, courseId, "l1", "completed", T0))).EnsureSuccessStatusCode();

        var seen = new List<string>();
        var url = $"/xapi/statements?agent={Payloads.Agent(learnerId)}&verb={Uri.EscapeDataString("http://adlnet.gov/expapi/verbs/experienced")}&limit=3";
        var pages = 0;
        while (!string.IsNullOrEmpty(url))
        {
            var page = await client.GetFromJsonAsync<JsonElement>(url);
            seen.AddRange(page.GetProperty("statements").EnumerateArray().Select(s => s.GetProperty("id").GetString()!));
            // xAPI 1.0.3 Data 2.4.10: a statement sent without a version is returned with 1.0.0.
            Assert.All(page.GetProperty("statements").EnumerateArray(), s => Assert.Equal("1.0.0", s.GetProperty("version").GetString()));
            url = page.GetProperty("more").GetString();
            pages++;
        }

        Assert.Equal(3, pages);
        Assert.Equal(7, seen.Distinct().Count());
        var byActivity = await Statements(client, $"activity={Uri.EscapeDataString($"{Payloads.Base}/courses/{courseId}/lessons/l2")}");
        Assert.Equal(3, byActivity.Count);
        var future = await Statements(client, $"agent={Payloads.Agent(learnerId)}&since={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(10).ToString("O"))}");
        Assert.Empty(future);
    }

    [Fact]
    public async Task Catalogue_lists_published_courses_with_filters()
    {
        using var client = fixture.Platform.Client();
        var field = Payloads.NewId("field");
        foreach (var (id, paid) in new[] { ($"{field}-a", false), ($"{field}-b", true), ($"{field}-c", false) })
        {
            var course = Payloads.Course(id, paid);
            course["field"] = field;
            (await client.PostAsJsonAsync("/api/courses", course)).EnsureSuccessStatusCode();
            await Payloads.PublishAsync(client, id, course);
        }

        var paidOnly = await client.GetFromJsonAsync<JsonElement>($"/api/courses?field={field}&pricing=paid");
        Assert.Equal([$"{field}-b"], paidOnly.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        var first = await client.GetFromJsonAsync<JsonElement>($"/api/courses?field={field}&limit=2");
        var next = first.GetProperty("next").GetString();
        Assert.NotNull(next);
        var second = await client.GetFromJsonAsync<JsonElement>($"/api/courses?field={field}&limit=2&after={next}");
        Assert.Equal([$"{field}-c"], second.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        var search = await client.GetFromJsonAsync<JsonElement>($"/api/courses?q={field}-a");
        Assert.Single(search.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Health_openapi_and_docs_answer_anonymously()
    {
        using var client = fixture.Platform.Client(admin: false);

        var health = await client.GetFromJsonAsync<JsonElement>("/health");
        Assert.Equal("healthy", health.GetProperty("status").GetString());
        Assert.Equal("healthy", health.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("healthy", health.GetProperty("checks").GetProperty("models").GetProperty("status").GetString());

        // Issue 16, finding 9: anonymous callers see statuses only, no file paths or exception texts.
        foreach (var check in health.GetProperty("checks").EnumerateObject())
        {
            Assert.Equal(["status"], check.Value.EnumerateObject().Select(p => p.Name));
        }

        Assert.DoesNotContain(PlatformProcesses.ModelsFolder, health.GetRawText(), StringComparison.Ordinal);
        using var admin = fixture.Platform.Client();
        var models = (await admin.GetFromJsonAsync<JsonElement>("/health")).GetProperty("checks").GetProperty("models");
        Assert.Equal("healthy", models.GetProperty("status").GetString());
        Assert.StartsWith("models-", models.GetProperty("data").GetProperty("version").GetString(), StringComparison.Ordinal);
        Assert.Contains("ranking", models.GetProperty("data").GetProperty("loaded").EnumerateArray().Select(m => m.GetString()));
        var openApi = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/xapi/statements", out _));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/docs/", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/alive", UriKind.Relative))).StatusCode);
        var about = await client.GetFromJsonAsync<JsonElement>("/xapi/about");
        Assert.Contains("1.0.3", about.GetProperty("version").EnumerateArray().Select(v => v.GetString()));
    }

    private static async Task<HttpResponseMessage> RegisterAndEnrol(HttpClient client, string learnerId, string courseId)
    {
        (await client.PostAsJsonAsync("/api/learners", Payloads.Learner(learnerId))).EnsureSuccessStatusCode();
        return await client.PostAsJsonAsync($"/api/learners/{learnerId}/enrollments", new JsonObject { ["courseId"] = courseId });
    }

    private static async Task<List<JsonElement>> Statements(HttpClient client, string query)
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"/xapi/statements?{query}&limit=500");
        return [.. page.GetProperty("statements").EnumerateArray()];
    }
}
