using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AdaptiveMooc.Api.Tests;

[Collection(CrashCollection.Name)]
public sealed class CrashTests(PlatformFixture fixture)
{
    private const int Writers = 16;

    [Fact]
    public async Task Every_acknowledged_statement_survives_a_kill_9_of_the_silo_exactly_once()
    {
        var platform = fixture.Platform;
        using var admin = platform.Client();
        var courseId = Payloads.NewId("crash");
        (await admin.PostAsJsonAsync("/api/courses", Payloads.Course(courseId))).EnsureSuccessStatusCode();
        await Payloads.BankAsync(admin, courseId, Payloads.Course(courseId));
        (await admin.PostAsync(new Uri($"/api/courses/{courseId}/publish", UriKind.Relative), null)).EnsureSuccessStatusCode();
        var learners = new List<string>();
        for (var i = 0; i < Writers; i++)
        {
            var learnerId = Payloads.NewId($"w{i}");
            (await admin.PostAsJsonAsync("/api/learners", Payloads.Learner(learnerId))).EnsureSuccessStatusCode();
            (await admin.PostAsJsonAsync($"/api/learners/{learnerId}/enrollments", new JsonObject { ["courseId"] = courseId })).EnsureSuccessStatusCode();
            learners.Add(learnerId);
        }

        var acknowledged = new ConcurrentDictionary<Guid, string>();
        var failures = 0;
        using var stop = new CancellationTokenSource();

        // Half the writers stop when the silo dies: their learners get no statement after the restart,
        // so only the learner grain's catch-up on activation can bring their progress up to the log.
        using var stopAtKill = new CancellationTokenSource();
        var writers = learners.Select((learnerId, index) => Task.Run(async () =>
        {
            using var client = platform.Client();
            client.Timeout = TimeSpan.FromSeconds(20);
            var n = 0;
            var until = index % 2 == 0 ? stopAtKill.Token : stop.Token;
            while (!until.IsCancellationRequested)
            {
                var id = Guid.NewGuid();
                var statement = Payloads.Statement(learnerId, courseId, "l1", "experienced", DateTimeOffset.UtcNow.AddMinutes(-1), id, duration: "PT1M");
                try
                {
                    using var response = await client.PostAsJsonAsync("/xapi/statements", statement);
                    if (response.IsSuccessStatusCode)
                    {
                        acknowledged[id] = learnerId;
                    }
                    else
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref failures);
                }

                n++;
            }

            return n;
        })).ToList();

        await WaitFor(() => acknowledged.Count >= 200);
        await stopAtKill.CancelAsync();
        platform.KillSilo();
        var atKill = acknowledged.Count;
        await Task.Delay(TimeSpan.FromSeconds(2));
        await platform.RestartSiloAsync();
        await WaitFor(() => acknowledged.Count >= atKill + 200);
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        var stored = await AllStatements(admin, courseId);
        var counts = stored.GroupBy(s => s.Id).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(counts, kv => Assert.Equal(1, kv.Value));
        var missing = acknowledged.Keys.Where(id => !counts.ContainsKey(id)).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} of {acknowledged.Count} acknowledged statements are missing (failures: {failures}).");

        foreach (var learnerId in learners)
        {
            var storedForLearner = stored.Count(s => s.LearnerId == learnerId);
            var progress = await admin.GetFromJsonAsync<JsonElement>($"/api/learners/{learnerId}/courses/{courseId}/progress");
            Assert.Equal(storedForLearner, progress.GetProperty("statementCount").GetInt64());
            Assert.Equal(storedForLearner, progress.GetProperty("minutesSpent").GetDouble());
        }
    }

    private static async Task<List<(Guid Id, string LearnerId)>> AllStatements(HttpClient client, string courseId)
    {
        var result = new List<(Guid, string)>();
        var url = $"/xapi/statements?limit=500&ascending=true";
        while (!string.IsNullOrEmpty(url))
        {
            var page = await client.GetFromJsonAsync<JsonElement>(url);
            foreach (var statement in page.GetProperty("statements").EnumerateArray())
            {
                if (statement.GetProperty("object").GetProperty("id").GetString()!.Contains($"/courses/{courseId}/", StringComparison.Ordinal))
                {
                    result.Add((Guid.Parse(statement.GetProperty("id").GetString()!), statement.GetProperty("actor").GetProperty("account").GetProperty("name").GetString()!));
                }
            }

            url = page.GetProperty("more").GetString();
        }

        return result;
    }

    private static async Task WaitFor(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Ingestion did not make progress.");
            }

            await Task.Delay(100);
        }
    }
}
