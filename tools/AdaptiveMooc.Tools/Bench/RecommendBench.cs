using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Learners;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace AdaptiveMooc.Tools.Bench;

/// <summary>
/// <c>bench recommend</c>: recommendations and weekly plans per second, p50 and p99, at concurrency 32 over
/// HTTP, for learners drawn at random among 10,000 with history, beside a trivial authenticated endpoint
/// of the same server in the same run (<c>GET /api/learners/{id}</c>: authentication and one grain read);
/// the ratios are the figures. Silo and API processes on PostgreSQL as <see cref="IngestBench"/> starts them.
/// Seeding: the course through the API; learners registered and enrolled through the learner grains
/// directly (an Orleans client of the bench cluster: the API would hash 10,000 passwords, minutes of CPU
/// that measure nothing here; these learners cannot log in); their history as xAPI statements through the
/// API in batches of 500, 1-12 per learner, timestamped over the last 30 days.
/// </summary>
internal static class RecommendBench
{
    private const string Usage = "usage: bench recommend [--db CONNECTION] [--learners N (at least 2)] [--seconds N] [--concurrency N]";
    private const string BaseUrl = "http://127.0.0.1:5080";
    private const string CourseId = "bench-recommend";
    private const int Lessons = 40;

    public static async Task<int> RunAsync(string[] args)
    {
        var db = Environment.GetEnvironmentVariable("MOOC_DB");
        var learners = 10_000;
        var seconds = 20;
        var concurrency = 32;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--db" when value is not null: db = value; i++; break;
                case "--learners" when int.TryParse(value, CultureInfo.InvariantCulture, out learners) && learners > 1: i++; break;
                case "--seconds" when int.TryParse(value, CultureInfo.InvariantCulture, out seconds) && seconds > 0: i++; break;
                case "--concurrency" when int.TryParse(value, CultureInfo.InvariantCulture, out concurrency) && concurrency > 0: i++; break;
                default:
                    Console.Error.WriteLine($"bench recommend: unknown or incomplete option '{args[i]}'");
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }

        var root = IngestBench.RepositoryRoot();
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        db ??= await IngestBench.StartPrivateServerAsync(root);
        await using var platform = await IngestBench.BenchPlatform.StartAsync(root, configuration, db);
        using var admin = platform.Client();

        var seedClock = Stopwatch.StartNew();
        Console.Error.WriteLine($"bench recommend: seeding a course of {Lessons} lessons and {learners} learners with history");
        await CreateCourseAsync(admin);
        await RegisterLearnersAsync(platform, learners);
        var statements = await SeedHistoryAsync(admin, learners);
        var seedSeconds = seedClock.Elapsed.TotalSeconds;
        Console.Error.WriteLine($"  {learners} learners, {statements} statements in {seedSeconds:F0} s");

        var duration = TimeSpan.FromSeconds(seconds);
        var trivial = new Func<string, string>(id => $"/api/learners/{id}");
        var recommend = new Func<string, string>(id => $"/api/learners/{id}/courses/{CourseId}/recommendations?limit=5");
        var plan = new Func<string, string>(id => $"/api/learners/{id}/courses/{CourseId}/plan?weeks=4");

        // The learner grain keeps a recommendation answer until something of the learner changes or 30 s
        // pass, so the repeated requests of the random phase mostly read a kept answer. The first half of the
        // learners is kept apart for a phase that asks each of them exactly once (every answer computed).
        var firstAsked = learners / 2;
        var random = new LearnerPicker(firstAsked, learners);
        Console.Error.WriteLine("bench recommend: warm-up");
        foreach (var route in new[] { trivial, recommend, plan })
        {
            await MeasureAsync(platform, route, random, concurrency, TimeSpan.FromSeconds(3));
        }

        var results = new Dictionary<string, Measurement>();
        foreach (var (name, route, picker) in new[]
        {
            ("trivial", trivial, random),
            ("recommendations", recommend, random),
            ("recommendations-first", recommend, LearnerPicker.EachOnce(firstAsked)),
            ("plan", plan, random),
        })
        {
            Console.Error.WriteLine($"bench recommend: {name}, concurrency {concurrency} for {seconds}s{(picker.Random ? "" : $" or until {firstAsked} learners were asked once")}");
            results[name] = await MeasureAsync(platform, route, picker, concurrency, duration);
            Console.Error.WriteLine($"  {results[name]}");
        }

        var baseline = results["trivial"];
        foreach (var (name, m) in results)
        {
            Console.Out.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{name,-16} {m.PerSecond,8:F0} requests/s  p50 {m.P50,7:F2} ms  p99 {m.P99,7:F2} ms  ({m.PerSecond / baseline.PerSecond:P0} of trivial)  {m.Failures} failed"));
        }

        Console.Out.WriteLine(JsonSerializer.Serialize(new
        {
            bench = "recommend",
            learners,
            statements,
            seedSeconds = Math.Round(seedSeconds, 1),
            concurrency,
            seconds,
            trivialPerSecond = Math.Round(baseline.PerSecond, 1),
            trivialP50Ms = Math.Round(baseline.P50, 2),
            trivialP99Ms = Math.Round(baseline.P99, 2),
            recommendationsPerSecond = Math.Round(results["recommendations"].PerSecond, 1),
            recommendationsP50Ms = Math.Round(results["recommendations"].P50, 2),
            recommendationsP99Ms = Math.Round(results["recommendations"].P99, 2),
            recommendationsToTrivial = Math.Round(results["recommendations"].PerSecond / baseline.PerSecond, 3),
            firstRequestLearners = results["recommendations-first"].Requests,
            firstRequestPerSecond = Math.Round(results["recommendations-first"].PerSecond, 1),
            firstRequestP50Ms = Math.Round(results["recommendations-first"].P50, 2),
            firstRequestP99Ms = Math.Round(results["recommendations-first"].P99, 2),
            firstRequestToTrivial = Math.Round(results["recommendations-first"].PerSecond / baseline.PerSecond, 3),
            planPerSecond = Math.Round(results["plan"].PerSecond, 1),
            planP50Ms = Math.Round(results["plan"].P50, 2),
            planP99Ms = Math.Round(results["plan"].P99, 2),
            planToTrivial = Math.Round(results["plan"].PerSecond / baseline.PerSecond, 3),
            failedRequests = results.Values.Sum(r => r.Failures),
        }));
        return 0;
    }

    private static string LearnerId(int i) => $"bench-r-{i}";

    private static async Task CreateCourseAsync(HttpClient admin)
    {
        // Four modules of ten: each lesson needs the one before it in its module; skills rotate over eight.
        var modules = new JsonArray([.. Enumerable.Range(0, Lessons / 10).Select(m => (JsonNode)new JsonObject
        {
            ["id"] = $"m{m}",
            ["title"] = $"Module {m}",
            ["lessons"] = new JsonArray([.. Enumerable.Range(m * 10, 10).Select(l => (JsonNode)new JsonObject
            {
                ["id"] = $"l{l}", ["title"] = $"Lesson {l}", ["kind"] = l % 5 == 4 ? "quiz" : "video", ["minutes"] = 15 + (l % 4 * 10),
                ["skills"] = new JsonArray($"s{l % 8}"), ["prerequisites"] = l % 10 == 0 ? new JsonArray() : new JsonArray($"l{l - 1}"),
                ["required"] = true, ["dueDay"] = 7 + (l * 2),
            })]),
        })]);
        var course = new JsonObject
        {
            ["id"] = CourseId, ["title"] = "Bench recommendations", ["field"] = "bench", ["language"] = "en",
            ["pricing"] = new JsonObject { ["kind"] = "free" }, ["modules"] = modules,
        };
        await IngestBench.Ensure(await admin.PostAsJsonAsync("/api/courses", course));
        await IngestBench.Ensure(await admin.PostAsync(new Uri($"/api/courses/{CourseId}/publish", UriKind.Relative), null));
    }

    private static async Task RegisterLearnersAsync(IngestBench.BenchPlatform platform, int learners)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = platform.ClusterId;
                o.ServiceId = platform.ClusterId;
            });
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = platform.DatabaseConnectionString;
            });
        });
        using var host = builder.Build();
        await host.StartAsync();
        var grains = host.Services.GetRequiredService<IClusterClient>();
        var now = DateTimeOffset.UtcNow;
        await Parallel.ForEachAsync(Enumerable.Range(0, learners), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, _) =>
        {
            var id = LearnerId(i);
            var learner = grains.GetGrain<ILearnerGrain>(id);
            // Two evenings and a weekend morning, in a handful of zones: plans differ per learner.
            var zone = (i % 4) switch { 0 => "Europe/Paris", 1 => "America/New_York", 2 => "Asia/Tokyo", _ => "UTC" };
            IReadOnlyList<AvailabilityWindow> windows =
            [
                new(DayOfWeek.Monday, new TimeOnly(19, 0), new TimeOnly(21, 0)),
                new(DayOfWeek.Wednesday, new TimeOnly(18, 30), new TimeOnly(20, 0)),
                new(DayOfWeek.Saturday, new TimeOnly(9, 0), new TimeOnly(11, 30)),
            ];
            // Not a password hash anyone can match: these learners exist to be read, not to log in.
            var registered = await learner.Register(new LearnerRegistration(id, id, $"{id}@bench.example", "bench:no-login", zone, windows));
            Check(registered, id);
            var enrolled = await learner.Enroll(new EnrolmentRequest(CourseId, DateOnly.FromDateTime(now.UtcDateTime.AddDays(120)), null, now.AddDays(-30)));
            Check(enrolled, id);
        });
        await host.StopAsync();
    }

    private static void Check(CommandResult result, string learnerId)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Seeding learner {learnerId}: {result.Status} {result.Detail}");
        }
    }

    private static async Task<long> SeedHistoryAsync(HttpClient admin, int learners)
    {
        var random = new Random(20261129);
        var now = DateTimeOffset.UtcNow;
        var all = new List<JsonNode>();
        for (var i = 0; i < learners; i++)
        {
            // Progress through the first module(s) in order, some quizzes scored: mastery and recall differ.
            var count = 1 + random.Next(12);
            for (var k = 0; k < count; k++)
            {
                var at = now.AddDays(-30 + (k * 2) + random.NextDouble()).AddMinutes(-5);
                var lesson = k;
                var statement = new JsonObject
                {
                    ["id"] = Guid.NewGuid().ToString(),
                    ["actor"] = new JsonObject { ["account"] = new JsonObject { ["homePage"] = BaseUrl, ["name"] = LearnerId(i) } },
                    ["verb"] = new JsonObject { ["id"] = "http://adlnet.gov/expapi/verbs/completed" },
                    ["object"] = new JsonObject { ["id"] = $"{BaseUrl}/courses/{CourseId}/lessons/l{lesson}" },
                    ["result"] = lesson % 5 == 4
                        ? new JsonObject { ["duration"] = "PT20M", ["completion"] = true, ["score"] = new JsonObject { ["scaled"] = Math.Round(random.NextDouble(), 2) } }
                        : new JsonObject { ["duration"] = "PT20M", ["completion"] = true },
                    ["timestamp"] = (at > now.AddMinutes(-1) ? now.AddMinutes(-1) : at).ToString("O", CultureInfo.InvariantCulture),
                };
                all.Add(statement);
            }
        }

        var batches = all.Chunk(500).ToList();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (batch, ct) =>
            await IngestBench.Ensure(await admin.PostAsJsonAsync("/xapi/statements", new JsonArray([.. batch]), ct)));
        return all.Count;
    }

    private static async Task<Measurement> MeasureAsync(
        IngestBench.BenchPlatform platform, Func<string, string> route, LearnerPicker picker, int concurrency, TimeSpan duration)
    {
        long failures = 0;
        var latencies = new List<double>[concurrency];
        var stopwatch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
        {
            using var client = platform.Client();
            var random = new Random(w);
            var mine = latencies[w] = [];
            while (stopwatch.Elapsed < duration && picker.Next(random) is { } learner)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(new Uri(route(LearnerId(learner)), UriKind.Relative));
                await response.Content.LoadIntoBufferAsync();
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })).ToList();
        await Task.WhenAll(workers);
        var elapsed = stopwatch.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToList();
        return new Measurement(all.Count, all.Count / elapsed, Percentile(all, 0.50), Percentile(all, 0.99), failures);
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private sealed record Measurement(long Requests, double PerSecond, double P50, double P99, long Failures)
    {
        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture, $"{Requests} requests, {PerSecond:F0} requests/s, p50 {P50:F2} ms, p99 {P99:F2} ms, {Failures} failed");
    }

    /// <summary>Which learner each request is about: uniformly random in [from, to), or each of [0, count) once.</summary>
    private sealed class LearnerPicker(int from, int to, bool random = true)
    {
        private int next = from - 1;

        public bool Random => random;

        public static LearnerPicker EachOnce(int count) => new(0, count, random: false);

        public int? Next(Random generator)
        {
            if (random)
            {
                return generator.Next(from, to);
            }

            var taken = Interlocked.Increment(ref next);
            return taken < to ? taken : null;
        }
    }
}
