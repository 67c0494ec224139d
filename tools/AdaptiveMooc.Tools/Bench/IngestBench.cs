using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;

namespace AdaptiveMooc.Tools.Bench;

/// <summary>
/// <c>bench ingest</c>: durable xAPI statements per second through the HTTP API (silo and API processes
/// on PostgreSQL, default durability) at concurrency 32, single-statement requests and batches, beside
/// a baseline measured in the same run on the same server: single-row INSERT commits per second with
/// Npgsql at the same concurrency. Then the median cost of one statement for a learner with 100 and
/// with 10,000 earlier statements. PostgreSQL: <c>--db</c>, else <c>MOOC_DB</c>, else a private server
/// in <c>.data/pg-bench</c> (port <c>MOOC_BENCH_PG_PORT</c>, default 55435). A fresh database is
/// created for the run and dropped afterwards.
/// </summary>
internal static class IngestBench
{
    private const string Usage = "usage: bench ingest [--db CONNECTION] [--seconds N] [--concurrency N] [--batch N] [--no-history]";
    private const string BaseUrl = "http://127.0.0.1:5080";
    private const int Learners = 128;
    private const int CostSamples = 300;

    public static async Task<int> RunAsync(string[] args)
    {
        var db = Environment.GetEnvironmentVariable("MOOC_DB");
        var seconds = 20;
        var concurrency = 32;
        var batch = 50;
        var history = true;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--db" when value is not null: db = value; i++; break;
                case "--seconds" when int.TryParse(value, CultureInfo.InvariantCulture, out seconds) && seconds > 0: i++; break;
                case "--concurrency" when int.TryParse(value, CultureInfo.InvariantCulture, out concurrency) && concurrency > 0: i++; break;
                case "--no-history": history = false; break;
                case "--batch" when int.TryParse(value, CultureInfo.InvariantCulture, out batch) && batch is > 0 and <= 1000: i++; break;
                default:
                    Console.Error.WriteLine($"bench ingest: unknown or incomplete option '{args[i]}'");
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }

        var root = RepositoryRoot();
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        db ??= await StartPrivateServerAsync(root);
        await using var platform = await BenchPlatform.StartAsync(root, configuration, db);
        var duration = TimeSpan.FromSeconds(seconds);

        Console.Error.WriteLine($"bench ingest: setting up {Learners} learners and a course");
        using var admin = platform.Client();
        var courseId = "bench-course";
        await SetUpAsync(admin, courseId);

        // What the processes burn doing nothing (timers, membership, GC): the per-request CPU figures below
        // include this background share, which weighs more the fewer requests a phase completes.
        var cpuBefore = await platform.CpuAsync();
        await Task.Delay(TimeSpan.FromSeconds(5));
        var idleCpu = (await platform.CpuAsync()).PerOperation(cpuBefore, 5);
        Console.Error.WriteLine($"bench ingest: idle CPU ms per second: {idleCpu}");

        Console.Error.WriteLine($"bench ingest: baseline, single-row INSERT commits at concurrency {concurrency} for {seconds}s");
        cpuBefore = await platform.CpuAsync();
        var (baseline, baselineCommits) = await InsertBaselineAsync(platform.DatabaseConnectionString, concurrency, duration);
        var baselineCpu = (await platform.CpuAsync()).PerOperation(cpuBefore, baselineCommits);
        Console.Error.WriteLine($"  {baseline:F0} commits/s; CPU ms per commit: {baselineCpu}");

        Console.Error.WriteLine("bench ingest: warm-up");
        await HttpIngestAsync(platform, courseId, concurrency, 1, TimeSpan.FromSeconds(3));

        Console.Error.WriteLine($"bench ingest: HTTP, one statement per request, concurrency {concurrency} for {seconds}s");
        cpuBefore = await platform.CpuAsync();
        var single = await HttpIngestAsync(platform, courseId, concurrency, 1, duration);
        var singleCpu = (await platform.CpuAsync()).PerOperation(cpuBefore, single.Requests);
        Console.Error.WriteLine($"  {single.StatementsPerSecond:F0} statements/s ({single.Failures} failed requests); CPU ms per request: {singleCpu}");

        Console.Error.WriteLine($"bench ingest: HTTP, {batch} statements per request, concurrency {concurrency} for {seconds}s");
        var batched = await HttpIngestAsync(platform, courseId, concurrency, batch, duration);
        Console.Error.WriteLine($"  {batched.StatementsPerSecond:F0} statements/s ({batched.Failures} failed requests)");

        var (median100, median10000) = (double.NaN, double.NaN);
        if (history)
        {
            Console.Error.WriteLine("bench ingest: cost of one statement with 100 and with 10,000 earlier statements");
            (median100, median10000) = await HistoryCostAsync(admin, courseId);
        }

        var ratio = single.StatementsPerSecond / baseline;
        var costRatio = median10000 / median100;
        Console.Out.WriteLine($"INSERT baseline (Npgsql, c={concurrency}):        {baseline,10:F0} commits/s");
        Console.Out.WriteLine($"HTTP ingest, 1 statement/request (c={concurrency}): {single.StatementsPerSecond,10:F0} statements/s  ({ratio:P0} of baseline)");
        Console.Out.WriteLine($"HTTP ingest, {batch} statements/request (c={concurrency}): {batched.StatementsPerSecond,8:F0} statements/s  ({batched.StatementsPerSecond / baseline:P0} of baseline)");
        Console.Out.WriteLine($"median cost of one statement, 100 earlier:    {median100,8:F2} ms");
        Console.Out.WriteLine($"median cost of one statement, 10,000 earlier: {median10000,8:F2} ms  (ratio {costRatio:F2})");
        Console.Out.WriteLine($"idle CPU ms per second:                       {idleCpu}");
        Console.Out.WriteLine($"CPU ms per baseline commit:                   {baselineCpu}");
        Console.Out.WriteLine($"CPU ms per single-statement request:          {singleCpu}");
        Console.Out.WriteLine(JsonSerializer.Serialize(new
        {
            bench = "ingest",
            concurrency,
            seconds,
            insertBaselinePerSecond = Math.Round(baseline, 1),
            httpSinglePerSecond = Math.Round(single.StatementsPerSecond, 1),
            httpSingleToBaseline = Math.Round(ratio, 3),
            batchSize = batch,
            httpBatchPerSecond = Math.Round(batched.StatementsPerSecond, 1),
            httpBatchToBaseline = Math.Round(batched.StatementsPerSecond / baseline, 3),
            medianMsWith100 = history ? Math.Round(median100, 3) : (double?)null,
            medianMsWith10000 = history ? Math.Round(median10000, 3) : (double?)null,
            costRatio = history ? Math.Round(costRatio, 3) : (double?)null,
            failedRequests = single.Failures + batched.Failures,
            idleCpuMsPerSecond = idleCpu,
            cpuMsPerBaselineCommit = baselineCpu,
            cpuMsPerSingleRequest = singleCpu,
        }));
        return 0;
    }

    private static async Task SetUpAsync(HttpClient admin, string courseId)
    {
        var lessons = new JsonArray([.. Enumerable.Range(0, 20).Select(i => (JsonNode)new JsonObject
        {
            ["id"] = $"l{i}", ["title"] = $"Lesson {i}", ["kind"] = "video", ["minutes"] = 20, ["skills"] = new JsonArray("s"),
        })]);
        var course = new JsonObject
        {
            ["id"] = courseId, ["title"] = "Bench", ["field"] = "bench", ["pricing"] = new JsonObject { ["kind"] = "free" },
            ["modules"] = new JsonArray(new JsonObject { ["id"] = "m1", ["title"] = "M", ["lessons"] = lessons }),
        };
        await Ensure(await admin.PostAsJsonAsync("/api/courses", course));
        await Ensure(await admin.PostAsync(new Uri($"/api/courses/{courseId}/publish", UriKind.Relative), null));
        var ids = Enumerable.Range(0, Learners).Select(LearnerId).Append("history-100").Append("history-10000");
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (id, ct) =>
        {
            var learner = new JsonObject
            {
                ["id"] = id, ["name"] = id, ["email"] = $"{id}@bench.example", ["password"] = "bench-password",
                ["timezone"] = "UTC", ["weeklyAvailability"] = new JsonArray(),
            };
            await Ensure(await admin.PostAsJsonAsync("/api/learners", learner, ct));
        });
    }

    private static string LearnerId(int i) => $"bench-learner-{i}";

    private static JsonObject Statement(string learnerId, string courseId, int lesson) => new()
    {
        ["id"] = Guid.NewGuid().ToString(),
        ["actor"] = new JsonObject { ["account"] = new JsonObject { ["homePage"] = BaseUrl, ["name"] = learnerId } },
        ["verb"] = new JsonObject { ["id"] = "http://adlnet.gov/expapi/verbs/experienced" },
        ["object"] = new JsonObject { ["id"] = $"{BaseUrl}/courses/{courseId}/lessons/l{lesson % 20}" },
        ["result"] = new JsonObject { ["duration"] = "PT1M" },
        ["timestamp"] = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O", CultureInfo.InvariantCulture),
    };

    private static async Task<(double StatementsPerSecond, long Failures, long Requests)> HttpIngestAsync(
        BenchPlatform platform, string courseId, int concurrency, int batchSize, TimeSpan duration)
    {
        long statements = 0, failures = 0;
        var stopwatch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
        {
            using var client = platform.Client();
            var n = w;
            while (stopwatch.Elapsed < duration)
            {
                JsonNode body = batchSize == 1
                    ? Statement(LearnerId(n % Learners), courseId, n)
                    : new JsonArray([.. Enumerable.Range(0, batchSize).Select(k => (JsonNode)Statement(LearnerId((n + k) % Learners), courseId, n + k))]);
                n += concurrency;
                using var response = await client.PostAsJsonAsync("/xapi/statements", body);
                if (response.IsSuccessStatusCode)
                {
                    Interlocked.Add(ref statements, batchSize);
                }
                else
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })).ToList();
        await Task.WhenAll(workers);
        return (statements / stopwatch.Elapsed.TotalSeconds, failures, (statements / batchSize) + failures);
    }

    private static async Task<(double CommitsPerSecond, long Commits)> InsertBaselineAsync(string connectionString, int concurrency, TimeSpan duration)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = concurrency + 4 };
        await using var dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        await using (var create = dataSource.CreateCommand(
            "CREATE TABLE IF NOT EXISTS bench_insert_baseline (id uuid PRIMARY KEY, learner_id text NOT NULL, statement jsonb NOT NULL)"))
        {
            await create.ExecuteNonQueryAsync();
        }

        var payload = Statement("bench-learner-0", "bench-course", 0).ToJsonString();
        long commits = 0;
        var stopwatch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            while (stopwatch.Elapsed < duration)
            {
                await using var insert = new NpgsqlCommand("INSERT INTO bench_insert_baseline (id, learner_id, statement) VALUES ($1, $2, $3::jsonb)", connection);
                insert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = Guid.NewGuid() });
                insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = LearnerId(w) });
                insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = payload });
                await insert.ExecuteNonQueryAsync();
                Interlocked.Increment(ref commits);
            }
        })).ToList();
        await Task.WhenAll(workers);
        return (commits / stopwatch.Elapsed.TotalSeconds, commits);
    }

    /// <summary>Fills two learners' histories, then times single-statement requests for each, interleaved, one at a time.</summary>
    private static async Task<(double Median100, double Median10000)> HistoryCostAsync(HttpClient admin, string courseId)
    {
        foreach (var (learner, count) in new[] { ("history-100", 100), ("history-10000", 10_000) })
        {
            for (var done = 0; done < count; done += 500)
            {
                var size = Math.Min(500, count - done);
                var body = new JsonArray([.. Enumerable.Range(done, size).Select(k => (JsonNode)Statement(learner, courseId, k))]);
                await Ensure(await admin.PostAsJsonAsync("/xapi/statements", body));
            }
        }

        var small = new List<double>(CostSamples);
        var large = new List<double>(CostSamples);
        for (var i = 0; i < CostSamples; i++)
        {
            small.Add(await TimeOneAsync(admin, "history-100", courseId, i));
            large.Add(await TimeOneAsync(admin, "history-10000", courseId, i));
        }

        return (Median(small), Median(large));
    }

    private static async Task<double> TimeOneAsync(HttpClient admin, string learnerId, string courseId, int i)
    {
        var body = Statement(learnerId, courseId, i);
        var stopwatch = Stopwatch.StartNew();
        await Ensure(await admin.PostAsJsonAsync("/xapi/statements", body));
        return stopwatch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[(values.Count / 2) - 1] + values[values.Count / 2]) / 2;
    }

    internal static async Task Ensure(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AdaptiveMooc.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Cannot find the repository root (AdaptiveMooc.sln).");
    }

    internal static async Task<string> StartPrivateServerAsync(string root)
    {
        var port = Environment.GetEnvironmentVariable("MOOC_BENCH_PG_PORT") is { Length: > 0 } p ? p : "55435";
        var info = new ProcessStartInfo("bash", ["-c", $"source scripts/pg.sh && pg_start \"$PWD/.data/pg-bench\" {port}"]) { WorkingDirectory = root };
        using var process = Process.Start(info)!;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("Could not start the private PostgreSQL for the benchmark (see above).");
        }

        return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
    }

    internal readonly record struct CpuSample(double Silo, double Api, double Postgres, double Client)
    {
        public CpuPerOperation PerOperation(CpuSample before, long operations)
        {
            var n = Math.Max(1, operations) / 1000.0;
            return new CpuPerOperation(
                Math.Round((Api - before.Api) / n, 3), Math.Round((Silo - before.Silo) / n, 3),
                Math.Round((Postgres - before.Postgres) / n, 3), Math.Round((Client - before.Client) / n, 3));
        }
    }

    internal sealed record CpuPerOperation(double Api, double Silo, double Postgres, double Client)
    {
        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture, $"API {Api:F3}, silo {Silo:F3}, PostgreSQL {Postgres:F3}, bench client {Client:F3}");
    }

    /// <summary>Silo and API processes on a fresh database, as the end-to-end tests run them (RecommendBench uses them too).</summary>
    internal sealed class BenchPlatform : IAsyncDisposable
    {
        private readonly string serverConnectionString;
        private readonly string databaseName = $"bench_ingest_{DateTime.UtcNow:yyyyMMddHHmmss}";
        private readonly string keyPath = Path.Combine(Path.GetTempPath(), $"mooc-bench-{Guid.NewGuid():N}.key");
        private readonly string adminKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        private readonly int httpPort = FreePort();
        private readonly List<Process> processes = [];
        private int? postmaster;

        private BenchPlatform(string serverConnectionString) => this.serverConnectionString = serverConnectionString;

        public string ClusterId { get; } = $"bench-{Guid.NewGuid():N}";

        public string DatabaseConnectionString =>
            new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = databaseName, MaxPoolSize = 100 }.ConnectionString;

        public static async Task<BenchPlatform> StartAsync(string root, string configuration, string serverConnectionString)
        {
            var platform = new BenchPlatform(serverConnectionString);
            await File.WriteAllTextAsync(platform.keyPath, platform.adminKey);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(platform.keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            foreach (var project in new[] { "silo/AdaptiveMooc.Silo", "api/AdaptiveMooc.Api" })
            {
                using var build = Process.Start(new ProcessStartInfo("dotnet", ["build", Path.Combine(root, project), "-c", configuration, "-nologo", "-v", "quiet", "-clp:ErrorsOnly"]))!;
                await build.WaitForExitAsync();
                if (build.ExitCode != 0)
                {
                    throw new InvalidOperationException($"Building {project} failed.");
                }
            }

            await using (var dataSource = NpgsqlDataSource.Create(serverConnectionString))
            await using (var create = dataSource.CreateCommand($"CREATE DATABASE {platform.databaseName}"))
            {
                await create.ExecuteNonQueryAsync();
            }

            try
            {
                await platform.LaunchAsync(root, configuration);
            }
            catch
            {
                // A platform that never became healthy must not outlive the benchmark that started it.
                await platform.DisposeAsync();
                throw;
            }

            return platform;
        }

        private async Task LaunchAsync(string root, string configuration)
        {
            var cluster = ClusterId;
            var common = new Dictionary<string, string>
            {
                ["ConnectionStrings__mooc"] = DatabaseConnectionString,
                ["Mooc__Storage"] = "postgres",
                ["Mooc__ClusterId"] = cluster,
                ["Mooc__ServiceId"] = cluster,
                ["Logging__LogLevel__Default"] = "Warning",
            };
            Start(Path.Combine(root, "silo/AdaptiveMooc.Silo/bin", configuration, "net10.0/AdaptiveMooc.Silo.dll"), common, new()
            {
                ["Mooc__SiloPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
                ["Mooc__GatewayPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
            });
            Start(Path.Combine(root, "api/AdaptiveMooc.Api/bin", configuration, "net10.0/AdaptiveMooc.Api.dll"), common, new()
            {
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{httpPort}",
                ["Mooc__AdminKey__Path"] = keyPath,

                // The per-caller rate limit (6000/min by default) would otherwise cap the benchmark's one key.
                ["Mooc__RateLimit__PermitLimit"] = "100000000",
            });
            await WaitHealthyAsync();
        }

        /// <summary>
        /// CPU seconds used so far by the silo, the API, the PostgreSQL server (postmaster, live backends and
        /// the backends it reaped; Linux /proc only, else 0) and this benchmark client: where the time of a
        /// request goes, whatever else the machine is running.
        /// </summary>
        public async Task<CpuSample> CpuAsync()
        {
            foreach (var process in processes)
            {
                process.Refresh();
            }

            var postgres = 0.0;
            if (OperatingSystem.IsLinux())
            {
                postmaster ??= await PostmasterAsync();
                foreach (var directory in Directory.EnumerateDirectories("/proc"))
                {
                    if (int.TryParse(Path.GetFileName(directory), out var pid) && ReadStat(pid) is { } stat
                        && (pid == postmaster || stat.ParentId == postmaster))
                    {
                        postgres += pid == postmaster ? stat.Seconds + stat.ChildrenSeconds : stat.Seconds;
                    }
                }
            }

            using var self = Process.GetCurrentProcess();
            return new CpuSample(
                processes[0].TotalProcessorTime.TotalSeconds, processes[1].TotalProcessorTime.TotalSeconds, postgres, self.TotalProcessorTime.TotalSeconds);
        }

        private async Task<int> PostmasterAsync()
        {
            await using var dataSource = NpgsqlDataSource.Create(DatabaseConnectionString);
            await using var command = dataSource.CreateCommand("SELECT pg_backend_pid()");
            var backend = (int)(await command.ExecuteScalarAsync())!;
            return ReadStat(backend)?.ParentId ?? -1;
        }

        /// <summary>Fields of /proc/PID/stat after the command name: ppid, utime+stime, cutime+cstime (in seconds).</summary>
        private static (int ParentId, double Seconds, double ChildrenSeconds)? ReadStat(int pid)
        {
            try
            {
                var text = File.ReadAllText($"/proc/{pid}/stat");
                var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
                double Ticks(int i) => long.Parse(fields[i], CultureInfo.InvariantCulture) / 100.0;
                return (int.Parse(fields[1], CultureInfo.InvariantCulture), Ticks(11) + Ticks(12), Ticks(13) + Ticks(14));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
            {
                return null;
            }
        }

        public HttpClient Client()
        {
            var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = TimeSpan.FromSeconds(120) };
            client.DefaultRequestHeaders.Add("X-Api-Key", adminKey);
            client.DefaultRequestHeaders.Add("X-Experience-API-Version", "1.0.3");
            return client;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var process in processes)
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync();
                }

                process.Dispose();
            }

            NpgsqlConnection.ClearAllPools();
            await using (var dataSource = NpgsqlDataSource.Create(serverConnectionString))
            await using (var drop = dataSource.CreateCommand($"DROP DATABASE IF EXISTS {databaseName} WITH (FORCE)"))
            {
                await drop.ExecuteNonQueryAsync();
            }

            File.Delete(keyPath);
        }

        private void Start(string dll, Dictionary<string, string> common, Dictionary<string, string> own)
        {
            var info = new ProcessStartInfo("dotnet", [dll]) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var (key, value) in common.Concat(own))
            {
                info.Environment[key] = value;
            }

            var process = Process.Start(info)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is { } line && (line.Contains("fail", StringComparison.OrdinalIgnoreCase) || line.Contains("crit", StringComparison.OrdinalIgnoreCase)))
                {
                    Console.Error.WriteLine($"  [{Path.GetFileNameWithoutExtension(dll)}] {line}");
                }
            };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            processes.Add(process);
        }

        private async Task WaitHealthyAsync()
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = TimeSpan.FromSeconds(10) };
            var deadline = DateTime.UtcNow.AddMinutes(3);
            while (DateTime.UtcNow < deadline)
            {
                if (processes.Any(p => p.HasExited))
                {
                    throw new InvalidOperationException("The silo or the API exited during start-up.");
                }

                try
                {
                    using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        return;
                    }
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                }

                await Task.Delay(500);
            }

            throw new TimeoutException("The platform did not become healthy in 3 minutes.");
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
