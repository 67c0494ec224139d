using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;

namespace AdaptiveMooc.Api.Tests.LrsForwarding;

/// <summary>
/// Forwarding to an outside LRS that is a second instance of the platform (issue 17): over real HTTP,
/// with the outside platform's own API key over Basic authentication, through kills of both silos.
/// </summary>
[Collection(LrsForwardingCollection.Name)]
public sealed class LrsForwardingTests(TwoPlatformsFixture fixture)
{
    private const int Statements = 5_000;
    private const int Learners = 20;
    private const int PerRequest = 10;
    private const int Writers = 8;

    [Fact]
    public async Task The_outside_lrs_holds_every_statement_in_order_per_learner_after_both_platforms_were_killed_once()
    {
        var source = fixture.Source;
        var outside = fixture.Outside;
        using var sourceAdmin = source.Client();
        using var outsideAdmin = outside.Client();
        var courseId = Payloads.NewId("fwd");
        var learners = Enumerable.Range(0, Learners).Select(i => Payloads.NewId($"fl{i}")).ToList();
        await Task.WhenAll(Setup(sourceAdmin, courseId, learners), Setup(outsideAdmin, courseId, learners));
        var (target, password) = await AddTarget(sourceAdmin, outside, [courseId]);

        // 5,000 statements in requests of 10 from 8 writers; a request that fails (a silo is down) is sent
        // again with the same ids until the source acknowledges it.
        var all = Enumerable.Range(0, Statements)
            .Select(i => (Id: Guid.NewGuid(), Learner: learners[i % Learners], At: DateTimeOffset.UtcNow.AddHours(-2).AddSeconds(i)))
            .ToList();
        var requests = new ConcurrentQueue<List<(Guid Id, string Learner, DateTimeOffset At)>>(all.Chunk(PerRequest).Select(c => c.ToList()));
        var acknowledged = 0;
        var failures = 0;
        var writers = Enumerable.Range(0, Writers).Select(_ => Task.Run(async () =>
        {
            using var client = source.Client();
            client.Timeout = TimeSpan.FromSeconds(20);
            while (requests.TryDequeue(out var chunk))
            {
                var body = new JsonArray([.. chunk.Select(s => (JsonNode)Payloads.Statement(s.Learner, courseId, "l1", "experienced", s.At, s.Id, duration: "PT1M"))]);
                while (true)
                {
                    try
                    {
                        using var response = await client.PostAsJsonAsync("/xapi/statements", body);
                        if (response.IsSuccessStatusCode)
                        {
                            Interlocked.Add(ref acknowledged, chunk.Count);
                            break;
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                    }

                    Interlocked.Increment(ref failures);
                    await Task.Delay(200);
                }
            }
        })).ToList();

        await WaitFor(() => Volatile.Read(ref acknowledged) >= 1_500, "1,500 acknowledged before the source's kill");
        source.KillSilo();
        await Task.Delay(TimeSpan.FromSeconds(1));
        await source.RestartSiloAsync();

        await WaitFor(() => Volatile.Read(ref acknowledged) >= 3_000, "3,000 acknowledged before the outside's kill");
        await WaitForAsync(async () => await Count(outside, all.Select(s => s.Id)) > 0, "the outside LRS receiving statements before its kill");
        outside.KillSilo();
        await Task.Delay(TimeSpan.FromSeconds(3));
        await outside.RestartSiloAsync();

        await Task.WhenAll(writers);
        Assert.Equal(Statements, acknowledged);

        // Every statement reaches the outside LRS (the forwarder backs off at most 16 s after a 20 s outage).
        var ids = all.Select(s => s.Id).ToList();
        await WaitForAsync(async () => await Count(outside, ids) == Statements, "all 5,000 statements in the outside LRS", TimeSpan.FromMinutes(4));

        // Per learner, the outside LRS stored them in the order the source did.
        var sourceOrder = await OrderPerLearner(source, ids);
        var outsideOrder = await OrderPerLearner(outside, ids);
        Assert.Equal(Learners, sourceOrder.Count);
        foreach (var (learner, order) in sourceOrder)
        {
            Assert.Equal(order, outsideOrder[learner]);
        }

        // And the outside platform treats them as its own: the learners' progress counts them.
        var progress = await outsideAdmin.GetFromJsonAsync<JsonElement>($"/api/learners/{learners[0]}/courses/{courseId}/progress");
        Assert.Equal(Statements / Learners, progress.GetProperty("statementCount").GetInt64());

        var view = await sourceAdmin.GetFromJsonAsync<JsonElement>($"/api/lrs-forwarding/{target}");
        Assert.Equal(0, view.GetProperty("progress").GetProperty("deadLetters").GetInt32());
        Assert.Equal(0, view.GetProperty("progress").GetProperty("pending").GetInt64());
        Assert.True(view.GetProperty("progress").GetProperty("forwarded").GetInt64() >= Statements);
        Assert.False(view.TryGetProperty("password", out _));
        Assert.DoesNotContain(password, source.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_statement_the_outside_lrs_refuses_is_dead_lettered_and_delivered_when_retried_after_the_cause_is_fixed()
    {
        var source = fixture.Source;
        var outside = fixture.Outside;
        using var sourceAdmin = source.Client();
        using var outsideAdmin = outside.Client();
        var courseId = Payloads.NewId("dl");
        var known = Payloads.NewId("known");
        var unknown = Payloads.NewId("unknown");
        await Setup(sourceAdmin, courseId, [known, unknown]);

        // The outside platform knows only one of the two learners: it refuses (400) statements about the other.
        await Setup(outsideAdmin, courseId, [known]);
        var (target, _) = await AddTarget(sourceAdmin, outside, [courseId]);
        var statements = new[] { (Guid.NewGuid(), known), (Guid.NewGuid(), unknown), (Guid.NewGuid(), known) };
        var body = new JsonArray([.. statements.Select(s => (JsonNode)Payloads.Statement(s.Item2, courseId, "l1", "experienced", DateTimeOffset.UtcNow.AddMinutes(-5), s.Item1))]);
        (await sourceAdmin.PostAsJsonAsync("/xapi/statements", body)).EnsureSuccessStatusCode();

        JsonElement letters = default;
        await WaitForAsync(async () =>
        {
            letters = await sourceAdmin.GetFromJsonAsync<JsonElement>($"/api/lrs-forwarding/{target}/dead-letters");
            return letters.GetProperty("items").GetArrayLength() == 1;
        }, "the refused statement dead-lettered");
        var letter = letters.GetProperty("items")[0];
        Assert.Equal(statements[1].Item1, letter.GetProperty("statementId").GetGuid());
        Assert.Equal(400, letter.GetProperty("statusCode").GetInt32());
        Assert.Contains("not registered", letter.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        await WaitForAsync(async () => await Count(outside, [statements[0].Item1, statements[2].Item1]) == 2, "the other two delivered");

        (await outsideAdmin.PostAsJsonAsync("/api/learners", Payloads.Learner(unknown))).EnsureSuccessStatusCode();
        var retry = await sourceAdmin.PostAsync(new Uri($"/api/lrs-forwarding/{target}/dead-letters/retry", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(1, (await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("requested").GetInt32());
        await WaitForAsync(async () => await Count(outside, [statements[1].Item1]) == 1, "the dead letter delivered on retry");
        await WaitForAsync(
            async () => (await sourceAdmin.GetFromJsonAsync<JsonElement>($"/api/lrs-forwarding/{target}/dead-letters")).GetProperty("items").GetArrayLength() == 0,
            "the dead letter gone");

        var audit = await sourceAdmin.GetFromJsonAsync<JsonElement>($"/api/audit?target=lrsForwarding:{target}");
        var actions = audit.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Contains("lrsForwarding.create", actions);
        Assert.Contains("lrsForwarding.retry", actions);

        Assert.Equal(HttpStatusCode.NoContent, (await sourceAdmin.DeleteAsync(new Uri($"/api/lrs-forwarding/{target}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sourceAdmin.GetAsync(new Uri($"/api/lrs-forwarding/{target}", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData("""{"username":"u","password":"p"}""", "endpoint")]
    [InlineData("""{"endpoint":"ftp://lrs.example/xapi","username":"u","password":"p"}""", "endpoint")]
    [InlineData("""{"endpoint":"https://user:pw@lrs.example/xapi","username":"u","password":"p"}""", "endpoint")]
    [InlineData("""{"endpoint":"https://lrs.example/xapi","username":"a:b","password":"p"}""", "username")]
    [InlineData("""{"endpoint":"https://lrs.example/xapi","username":"u"}""", "password")]
    [InlineData("""{"endpoint":"https://lrs.example/xapi","username":"u","password":"p","courseIds":[]}""", "courseIds")]
    [InlineData("""{"endpoint":"https://lrs.example/xapi","username":"u","password":"p","courseIds":["Not An Id!"]}""", "courseIds")]
    public async Task A_bad_target_is_refused_naming_the_field_and_nothing_is_stored(string json, string field)
    {
        using var admin = fixture.Source.Client();
        var before = (await admin.GetFromJsonAsync<JsonElement>("/api/lrs-forwarding")).GetArrayLength();
        using var response = await admin.PostAsync(new Uri("/api/lrs-forwarding", UriKind.Relative), new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, (await admin.GetFromJsonAsync<JsonElement>("/api/lrs-forwarding")).GetArrayLength());
    }

    [Fact]
    public async Task The_password_is_never_answered_nor_stored_in_clear()
    {
        using var admin = fixture.Source.Client();
        const string password = "never-shown-0123456789";
        using var created = await admin.PostAsJsonAsync("/api/lrs-forwarding", new { endpoint = "https://lrs.example/xapi", username = "platform", password, courseIds = new[] { "no-such-course" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var text = await created.Content.ReadAsStringAsync();
        Assert.DoesNotContain(password, text, StringComparison.Ordinal);
        var id = JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
        Assert.DoesNotContain(password, await admin.GetStringAsync("/api/lrs-forwarding"), StringComparison.Ordinal);
        Assert.DoesNotContain(password, await admin.GetStringAsync($"/api/audit?target=lrsForwarding:{id}"), StringComparison.Ordinal);

        await using var db = NpgsqlDataSource.Create(fixture.Source.DatabaseConnectionString);
        await using var command = db.CreateCommand("SELECT password_protected FROM lrs_forward_targets WHERE target_id = $1");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        var stored = (byte[])(await command.ExecuteScalarAsync())!;
        Assert.DoesNotContain(password, System.Text.Encoding.UTF8.GetString(stored), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(new Uri($"/api/lrs-forwarding/{id}", UriKind.Relative))).StatusCode);
    }

    private static async Task Setup(HttpClient admin, string courseId, IReadOnlyList<string> learners)
    {
        // Its quiz names no bank items: publishing a course whose quiz lists items needs them in the bank first.
        (await admin.PostAsJsonAsync("/api/courses", Payloads.CourseWithoutQuizItems(courseId))).EnsureSuccessStatusCode();
        (await admin.PostAsync(new Uri($"/api/courses/{courseId}/publish", UriKind.Relative), null)).EnsureSuccessStatusCode();
        foreach (var learner in learners)
        {
            (await admin.PostAsJsonAsync("/api/learners", Payloads.Learner(learner))).EnsureSuccessStatusCode();
            (await admin.PostAsJsonAsync($"/api/learners/{learner}/enrollments", new JsonObject { ["courseId"] = courseId })).EnsureSuccessStatusCode();
        }
    }

    /// <summary>An API key with statements:write on the outside platform, and a target on the source that uses it over Basic.</summary>
    private static async Task<(Guid Target, string Password)> AddTarget(HttpClient sourceAdmin, PlatformProcesses outside, string[] courses)
    {
        using var outsideAdmin = outside.Client();
        using var keyResponse = await outsideAdmin.PostAsJsonAsync("/api/api-keys", new { name = "from the source platform", scopes = new[] { "statements:write" } });
        keyResponse.EnsureSuccessStatusCode();
        var key = await keyResponse.Content.ReadFromJsonAsync<JsonElement>();
        var password = key.GetProperty("key").GetString()!;
        using var created = await sourceAdmin.PostAsJsonAsync("/api/lrs-forwarding", new
        {
            endpoint = new Uri(outside.BaseAddress, "/xapi").ToString(),
            username = key.GetProperty("id").GetString(),
            password,
            courseIds = courses,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return ((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), password);
    }

    private static async Task<int> Count(PlatformProcesses platform, IEnumerable<Guid> ids)
    {
        await using var db = NpgsqlDataSource.Create(platform.DatabaseConnectionString);
        await using var command = db.CreateCommand("SELECT count(*) FROM xapi_statements WHERE id = ANY ($1)");
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. ids] });
        return (int)(long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<Dictionary<string, List<Guid>>> OrderPerLearner(PlatformProcesses platform, IReadOnlyList<Guid> ids)
    {
        await using var db = NpgsqlDataSource.Create(platform.DatabaseConnectionString);
        await using var command = db.CreateCommand("SELECT learner_id, id FROM xapi_statements WHERE id = ANY ($1) ORDER BY seq");
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. ids] });
        var order = new Dictionary<string, List<Guid>>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var learner = reader.GetString(0);
            if (!order.TryGetValue(learner, out var list))
            {
                order[learner] = list = [];
            }

            list.Add(reader.GetGuid(1));
        }

        return order;
    }

    private static Task WaitFor(Func<bool> condition, string what) => WaitForAsync(() => Task.FromResult(condition()), what);

    private static async Task WaitForAsync(Func<Task<bool>> condition, string what, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromMinutes(3));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }

            await Task.Delay(250);
        }
    }
}
