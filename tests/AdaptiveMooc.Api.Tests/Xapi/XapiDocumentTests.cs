using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AdaptiveMooc.Api.Tests.Xapi;

/// <summary>The xAPI 1.0.3 document resources (State, Activity Profile, Agent Profile), Activities and Agents, over HTTP.</summary>
[Collection(PlatformCollection.Name)]
public sealed class XapiDocumentTests(PlatformFixture fixture)
{
    private const string Activity = "http://example.org/xapi/activities/doc-test";

    [Fact]
    public async Task State_documents_are_stored_as_sent_merged_listed_and_deleted()
    {
        using var client = fixture.Platform.Client();
        var agent = MboxAgent();
        var registration = Guid.NewGuid();
        var context = $"activityId={Uri.EscapeDataString(Activity)}&agent={agent}&registration={registration}";

        Assert.Equal(HttpStatusCode.NoContent, (await Send(client, HttpMethod.Put, $"/xapi/activities/state?{context}&stateId=bookmark", Json("""{"x":"foo","y":"bar"}"""))).StatusCode);
        var first = await client.GetAsync(new Uri($"/xapi/activities/state?{context}&stateId=bookmark", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var firstBytes = await first.Content.ReadAsByteArrayAsync();
        Assert.Equal("""{"x":"foo","y":"bar"}""", Encoding.UTF8.GetString(firstBytes));
        Assert.Equal($"\"{Sha1(firstBytes)}\"", first.Headers.ETag!.Tag);
        Assert.NotNull(first.Content.Headers.LastModified);
        Assert.Equal("application/json", first.Content.Headers.ContentType!.MediaType);

        // POST merges top-level properties of two JSON objects.
        Assert.Equal(HttpStatusCode.NoContent, (await Send(client, HttpMethod.Post, $"/xapi/activities/state?{context}&stateId=bookmark", Json("""{"x":"bash","z":"faz"}"""))).StatusCode);
        var merged = await client.GetFromJsonAsync<JsonObject>($"/xapi/activities/state?{context}&stateId=bookmark");
        Assert.Equal("bash", merged!["x"]!.GetValue<string>());
        Assert.Equal("bar", merged["y"]!.GetValue<string>());
        Assert.Equal("faz", merged["z"]!.GetValue<string>());

        // Any content type is kept as sent; merging into or from it is a 400 that changes nothing.
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var binary = new ByteArrayContent([0, 1, 2, 255]);
        binary.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        Assert.Equal(HttpStatusCode.NoContent, (await Send(client, HttpMethod.Put, $"/xapi/activities/state?{context}&stateId=blob", binary)).StatusCode);
        var blob = await client.GetAsync(new Uri($"/xapi/activities/state?{context}&stateId=blob", UriKind.Relative));
        Assert.Equal("application/octet-stream", blob.Content.Headers.ContentType!.MediaType);
        Assert.Equal([0, 1, 2, 255], await blob.Content.ReadAsByteArrayAsync());
        await Problem.AssertAsync(await Send(client, HttpMethod.Post, $"/xapi/activities/state?{context}&stateId=blob", Json("""{"a":1}""")), HttpStatusCode.BadRequest);
        await Problem.AssertAsync(await Send(client, HttpMethod.Post, $"/xapi/activities/state?{context}&stateId=bookmark", Json("[1,2]")), HttpStatusCode.BadRequest);
        await Problem.AssertAsync(await Send(client, HttpMethod.Put, $"/xapi/activities/state?{context}&stateId=bad", Json("{not json")), HttpStatusCode.BadRequest, "Content-Type");
        Assert.Equal([0, 1, 2, 255], await client.GetByteArrayAsync(new Uri($"/xapi/activities/state?{context}&stateId=blob", UriKind.Relative)));

        // Ids of the context, and since (exclusive).
        var ids = await client.GetFromJsonAsync<string[]>($"/xapi/activities/state?{context}");
        Assert.Equal(["blob", "bookmark"], ids!.Order());
        var afterAll = DateTimeOffset.UtcNow.AddSeconds(1).ToString("O");
        Assert.Empty((await client.GetFromJsonAsync<string[]>($"/xapi/activities/state?{context}&since={Uri.EscapeDataString(afterAll)}"))!);
        Assert.Equal(2, (await client.GetFromJsonAsync<string[]>($"/xapi/activities/state?{context}&since={Uri.EscapeDataString(before.ToString("O"))}"))!.Length);

        // Another registration is another context; no registration is another still.
        Assert.Empty((await client.GetFromJsonAsync<string[]>($"/xapi/activities/state?activityId={Uri.EscapeDataString(Activity)}&agent={agent}&registration={Guid.NewGuid()}"))!);
        Assert.Empty((await client.GetFromJsonAsync<string[]>($"/xapi/activities/state?activityId={Uri.EscapeDataString(Activity)}&agent={agent}"))!);

        // HEAD: the same headers, no body.
        var head = await Send(client, HttpMethod.Head, $"/xapi/activities/state?{context}&stateId=bookmark", null);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.NotNull(head.Headers.ETag);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(new Uri($"/xapi/activities/state?{context}&stateId=blob", UriKind.Relative))).StatusCode);
        await Problem.AssertAsync(await client.GetAsync(new Uri($"/xapi/activities/state?{context}&stateId=blob", UriKind.Relative)), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(new Uri($"/xapi/activities/state?{context}", UriKind.Relative))).StatusCode);
        Assert.Empty((await client.GetFromJsonAsync<string[]>($"/xapi/activities/state?{context}"))!);
    }

    [Fact]
    public async Task Profile_writes_follow_the_etag_rules()
    {
        using var client = fixture.Platform.Client();
        var activity = Uri.EscapeDataString($"{Activity}/{Guid.NewGuid():N}");
        var url = $"/xapi/activities/profile?activityId={activity}&profileId=settings";

        Assert.Equal(HttpStatusCode.NoContent, (await Send(client, HttpMethod.Put, url, Json("""{"v":1}"""))).StatusCode);
        var etag = (await client.GetAsync(new Uri(url, UriKind.Relative))).Headers.ETag!.Tag;

        // An existing profile is replaced only with If-Match or If-None-Match.
        await Problem.AssertAsync(await Send(client, HttpMethod.Put, url, Json("""{"v":2}""")), HttpStatusCode.Conflict);
        await Problem.AssertAsync(await Send(client, HttpMethod.Put, url, Json("""{"v":2}"""), ifMatch: "\"0000000000000000000000000000000000000000\""), HttpStatusCode.PreconditionFailed);
        await Problem.AssertAsync(await Send(client, HttpMethod.Put, url, Json("""{"v":2}"""), ifNoneMatch: "*"), HttpStatusCode.PreconditionFailed);
        Assert.Equal("""{"v":1}""", await client.GetStringAsync(new Uri(url, UriKind.Relative)));
        Assert.Equal(HttpStatusCode.NoContent, (await Send(client, HttpMethod.Put, url, Json("""{"v":2}"""), ifMatch: etag)).StatusCode);
        Assert.Equal("""{"v":2}""", await client.GetStringAsync(new Uri(url, UriKind.Relative)));

        // If-Match on a missing document fails; If-None-Match: * creates it.
        var other = $"/xapi/activities/profile?activityId={activity}&profileId=other";
        await Problem.AssertAsync(await Send(client, HttpMethod.Put, other, Json("{}"), ifMatch: etag), HttpStatusCode.PreconditionFailed);
        Assert.Equal(HttpStatusCode.NoContent, (await Send(client, HttpMethod.Put, other, Json("{}"), ifNoneMatch: "*")).StatusCode);

        // DELETE honours If-Match.
        await Problem.AssertAsync(await Send(client, HttpMethod.Delete, other, null, ifMatch: etag), HttpStatusCode.PreconditionFailed);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(new Uri(other, UriKind.Relative))).StatusCode);
        Assert.Equal(["settings"], (await client.GetFromJsonAsync<string[]>($"/xapi/activities/profile?activityId={activity}"))!);

        // Agent profiles: the same rules, keyed by the agent.
        var agentUrl = $"/xapi/agents/profile?agent={MboxAgent()}&profileId=prefs";
        Assert.Equal(HttpStatusCode.NoContent, (await Send(client, HttpMethod.Put, agentUrl, Json("""{"lang":"fr"}"""))).StatusCode);
        await Problem.AssertAsync(await Send(client, HttpMethod.Put, agentUrl, Json("{}")), HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, (await Send(client, HttpMethod.Post, agentUrl, Json("""{"tz":"UTC"}"""))).StatusCode);
        var prefs = await client.GetFromJsonAsync<JsonObject>(agentUrl);
        Assert.Equal("fr", prefs!["lang"]!.GetValue<string>());
        Assert.Equal("UTC", prefs["tz"]!.GetValue<string>());
    }

    [Fact]
    public async Task Of_two_concurrent_writers_holding_the_same_etag_exactly_one_gets_412()
    {
        using var client = fixture.Platform.Client();
        for (var round = 0; round < 10; round++)
        {
            var url = $"/xapi/agents/profile?agent={MboxAgent()}&profileId=race";
            Assert.Equal(HttpStatusCode.NoContent, (await Send(client, HttpMethod.Put, url, Json("""{"writer":"none"}"""))).StatusCode);
            var etag = (await client.GetAsync(new Uri(url, UriKind.Relative))).Headers.ETag!.Tag;

            var answers = await Task.WhenAll(
                Send(client, HttpMethod.Put, url, Json("""{"writer":"a"}"""), ifMatch: etag),
                Send(client, HttpMethod.Put, url, Json("""{"writer":"b"}"""), ifMatch: etag));
            var codes = answers.Select(a => a.StatusCode).Order().ToArray();
            Assert.Equal([HttpStatusCode.NoContent, HttpStatusCode.PreconditionFailed], codes);
            var winner = answers[0].StatusCode == HttpStatusCode.NoContent ? "a" : "b";
            Assert.Equal(winner, (await client.GetFromJsonAsync<JsonObject>(url))!["writer"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Parameters_headers_and_agents_are_checked()
    {
        using var client = fixture.Platform.Client();
        var activity = Uri.EscapeDataString(Activity);
        var agent = MboxAgent();
        await Problem.AssertAsync(await client.GetAsync(new Uri($"/xapi/activities/state?activityId={activity}&agent={agent}&stateid=x", UriKind.Relative)), HttpStatusCode.BadRequest, "stateid");
        await Problem.AssertAsync(await client.GetAsync(new Uri($"/xapi/activities/state?activityId={activity}&agent={agent}&limit=3", UriKind.Relative)), HttpStatusCode.BadRequest, "limit");
        await Problem.AssertAsync(await client.GetAsync(new Uri($"/xapi/activities/state?activityId={activity}&agent={agent}&registration=nope", UriKind.Relative)), HttpStatusCode.BadRequest, "registration");
        await Problem.AssertAsync(await client.GetAsync(new Uri($"/xapi/activities/state?activityId=not-an-iri&agent={agent}", UriKind.Relative)), HttpStatusCode.BadRequest, "activityId");
        await Problem.AssertAsync(await client.GetAsync(new Uri($"/xapi/activities/state?activityId={activity}", UriKind.Relative)), HttpStatusCode.BadRequest, "agent");
        var twoIds = Uri.EscapeDataString("""{"mbox":"mailto:a@example.org","openid":"http://example.org/a"}""");
        await Problem.AssertAsync(await client.GetAsync(new Uri($"/xapi/agents/profile?agent={twoIds}", UriKind.Relative)), HttpStatusCode.BadRequest, "agent");
        var badMbox = Uri.EscapeDataString("""{"mbox":"a@example.org"}""");
        await Problem.AssertAsync(await client.GetAsync(new Uri($"/xapi/agents?agent={badMbox}", UriKind.Relative)), HttpStatusCode.BadRequest, "agent.mbox");
        await Problem.AssertAsync(await Send(client, HttpMethod.Put, $"/xapi/activities/state?activityId={activity}&agent={agent}", Json("{}")), HttpStatusCode.BadRequest, "stateId");
        await Problem.AssertAsync(await Send(client, HttpMethod.Delete, $"/xapi/activities/profile?activityId={activity}", null), HttpStatusCode.BadRequest, "profileId");

        using var noVersion = fixture.Platform.Client();
        noVersion.DefaultRequestHeaders.Remove("X-Experience-API-Version");
        await Problem.AssertAsync(await noVersion.GetAsync(new Uri($"/xapi/activities/state?activityId={activity}&agent={agent}", UriKind.Relative)), HttpStatusCode.BadRequest, "X-Experience-API-Version");
    }

    [Fact]
    public async Task Learners_use_their_own_documents_and_keys_need_the_scope()
    {
        using var admin = fixture.Platform.Client();
        var (learnerId, _) = await Payloads.EnrolledLearner(admin);
        var other = Payloads.NewId("learner");
        (await admin.PostAsJsonAsync("/api/learners", Payloads.Learner(other))).EnsureSuccessStatusCode();
        using var learner = await LearnerClient(learnerId);
        var activity = Uri.EscapeDataString(Activity);

        var own = $"/xapi/activities/state?activityId={activity}&agent={Payloads.Agent(learnerId)}&stateId=s";
        Assert.Equal(HttpStatusCode.NoContent, (await Send(learner, HttpMethod.Put, own, Json("""{"page":3}"""))).StatusCode);
        Assert.Equal("""{"page":3}""", await learner.GetStringAsync(new Uri(own, UriKind.Relative)));
        await Problem.AssertAsync(await Send(learner, HttpMethod.Put, $"/xapi/activities/state?activityId={activity}&agent={Payloads.Agent(other)}&stateId=s", Json("{}")), HttpStatusCode.Forbidden);
        await Problem.AssertAsync(await learner.GetAsync(new Uri($"/xapi/agents/profile?agent={MboxAgent()}", UriKind.Relative)), HttpStatusCode.Forbidden);
        await Problem.AssertAsync(await Send(learner, HttpMethod.Put, $"/xapi/activities/profile?activityId={activity}&profileId=p", Json("{}")), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await learner.GetAsync(new Uri($"/xapi/activities/profile?activityId={activity}", UriKind.Relative))).StatusCode);

        using var reader = await KeyClient(admin, "statements:read");
        Assert.Equal("""{"page":3}""", await reader.GetStringAsync(new Uri(own, UriKind.Relative)));
        await Problem.AssertAsync(await Send(reader, HttpMethod.Put, own, Json("{}")), HttpStatusCode.Forbidden);
        using var writer = await KeyClient(admin, "statements:write");
        await Problem.AssertAsync(await writer.GetAsync(new Uri(own, UriKind.Relative)), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NoContent, (await Send(writer, HttpMethod.Post, own, Json("""{"seen":true}"""))).StatusCode);
        Assert.Equal("""{"page":3,"seen":true}""", await learner.GetStringAsync(new Uri(own, UriKind.Relative)));
    }

    [Fact]
    public async Task Activities_and_agents_answer_what_the_platform_knows()
    {
        using var admin = fixture.Platform.Client();
        var (learnerId, courseId) = await Payloads.EnrolledLearner(admin);
        var lesson = Uri.EscapeDataString($"{Payloads.Base}/courses/{courseId}/lessons/l1");
        var known = await admin.GetFromJsonAsync<JsonObject>($"/xapi/activities?activityId={lesson}");
        Assert.Equal("Activity", known!["objectType"]!.GetValue<string>());
        Assert.Equal("Lesson l1", known["definition"]!["name"]!["en-US"]!.GetValue<string>());
        var unknown = await admin.GetFromJsonAsync<JsonObject>($"/xapi/activities?activityId={Uri.EscapeDataString(Activity)}");
        Assert.Equal(Activity, unknown!["id"]!.GetValue<string>());
        Assert.Null(unknown["definition"]);

        var person = await admin.GetFromJsonAsync<JsonObject>($"/xapi/agents?agent={Payloads.Agent(learnerId)}");
        Assert.Equal("Person", person!["objectType"]!.GetValue<string>());
        Assert.Equal(learnerId, person["account"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("Ada Lovelace", person["name"]![0]!.GetValue<string>());
        var stranger = await admin.GetFromJsonAsync<JsonObject>($"/xapi/agents?agent={Uri.EscapeDataString("""{"objectType":"Agent","name":"Bo","mbox":"mailto:bo@example.org"}""")}");
        Assert.Equal("mailto:bo@example.org", stranger!["mbox"]![0]!.GetValue<string>());
        Assert.Equal("Bo", stranger["name"]![0]!.GetValue<string>());

        using var learner = await LearnerClient(learnerId);
        Assert.Equal(HttpStatusCode.OK, (await learner.GetAsync(new Uri($"/xapi/agents?agent={Payloads.Agent(learnerId)}", UriKind.Relative))).StatusCode);
        await Problem.AssertAsync(await learner.GetAsync(new Uri($"/xapi/agents?agent={MboxAgent()}", UriKind.Relative)), HttpStatusCode.Forbidden);
    }

    private static string MboxAgent() =>
        Uri.EscapeDataString(new JsonObject { ["objectType"] = "Agent", ["mbox"] = $"mailto:doc-{Guid.NewGuid():N}@example.org" }.ToJsonString());

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static string Sha1(byte[] bytes) => Convert.ToHexStringLower(SHA1.HashData(bytes));

    private static Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string url, HttpContent? content, string? ifMatch = null, string? ifNoneMatch = null)
    {
        var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative)) { Content = content };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        return client.SendAsync(request);
    }

    private async Task<HttpClient> KeyClient(HttpClient admin, string scope)
    {
        var created = await admin.PostAsJsonAsync("/api/api-keys", new { name = "docs-" + Guid.NewGuid().ToString("N")[..8], scopes = new[] { scope } });
        created.EnsureSuccessStatusCode();
        var key = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
        var client = fixture.Platform.Client(admin: false);
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    private async Task<HttpClient> LearnerClient(string learnerId)
    {
        using var anonymous = fixture.Platform.Client(admin: false);
        var token = await anonymous.PostAsJsonAsync("/api/auth/token", new JsonObject { ["username"] = learnerId, ["password"] = "correct horse battery" });
        token.EnsureSuccessStatusCode();
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        var client = fixture.Platform.Client(admin: false);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }
}
