using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;

namespace AdaptiveMooc.Tools.Bench;

/// <summary>
/// <c>bench failover</c>: three silos and two API processes on one PostgreSQL database under steady load
/// (writers posting single xAPI statements and readers asking for recommendations, spread over both APIs).
/// Phases: steady; SIGKILL one silo; start it again; restart every silo one by one with SIGTERM (graceful:
/// it leaves the cluster); steady again. A writer whose request fails retries the same statement (same id,
/// same content) until it is acknowledged, as an xAPI client would. Afterwards, against the database: every
/// acknowledged statement must be stored (<c>lost</c>) and stored once, and each learner's aggregate must have
/// applied each stored statement once (<c>duplicated</c>: rows with a repeated id, plus statements a
/// learner's progress counted more than once). Also: failed requests and their share, the longest time
/// without any successful request, and the time from the SIGKILL until every learner's grains (a third of
/// which lived on the killed silo) answered a read again (<c>recoverySeconds</c>).
/// </summary>
internal static class FailoverBench
{
    private const string Usage = "usage: bench failover [--db CONNECTION] [--learners N] [--writers N] [--readers N] [--steady-seconds N]";
    private const string BaseUrl = "http://127.0.0.1:5080";
    private const string CourseId = "bench-failover";
    private const int Silos = 3;
    private const int Apis = 2;

    public static async Task<int> RunAsync(string[] args)
    {
        var db = Environment.GetEnvironmentVariable("MOOC_DB");
        var learners = 32;
        var writers = 8;
        var readers = 4;
        var steady = 15;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--db" when value is not null: db = value; i++; break;
                case "--learners" when int.TryParse(value, CultureInfo.InvariantCulture, out learners) && learners > 0: i++; break;
                case "--writers" when int.TryParse(value, CultureInfo.InvariantCulture, out writers) && writers > 0: i++; break;
                case "--readers" when int.TryParse(value, CultureInfo.InvariantCulture, out readers) && readers >= 0: i++; break;
                case "--steady-seconds" when int.TryParse(value, CultureInfo.InvariantCulture, out steady) && steady > 0: i++; break;
                default:
                    Console.Error.WriteLine($"bench failover: unknown or incomplete option '{args[i]}'");
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }

        var root = IngestBench.RepositoryRoot();
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        db ??= await IngestBench.StartPrivateServerAsync(root);
        await using var cluster = await Cluster.StartAsync(root, configuration, db);
        Console.Error.WriteLine($"bench failover: {Silos} silos and {Apis} APIs up (logs in {cluster.LogDirectory})");

        using var admin = cluster.Client(0);
        var learnerIds = Enumerable.Range(0, learners).Select(i => $"failover-learner-{i}").ToList();
        await SetUpAsync(admin, learnerIds);

        var load = new Load(cluster, learnerIds);
        var running = load.Start(writers, readers);
        var clock = Stopwatch.StartNew();

        Console.Error.WriteLine($"bench failover: steady load for {steady}s ({writers} writers, {readers} readers)");
        await Task.Delay(TimeSpan.FromSeconds(steady));

        var victim = Silos - 1;
        Console.Error.WriteLine($"bench failover: SIGKILL silo {victim}");
        var killedAt = clock.Elapsed;
        cluster.KillSilo(victim);
        var recovery = MeasureRecoveryAsync(cluster, learnerIds);
        await Task.Delay(TimeSpan.FromSeconds(5));
        Console.Error.WriteLine($"bench failover: starting silo {victim} again");
        await cluster.StartSiloAsync(victim);
        var (recoverySeconds, affected) = await recovery;
        Console.Error.WriteLine($"  every learner's grains answered {recoverySeconds:F1}s after the kill ({affected} learners failed at least once meanwhile)");
        await Task.Delay(TimeSpan.FromSeconds(steady));

        for (var silo = 0; silo < Silos; silo++)
        {
            Console.Error.WriteLine($"bench failover: rolling restart, silo {silo} (SIGTERM, then start)");
            var stopped = await cluster.StopSiloGracefullyAsync(silo);
            Console.Error.WriteLine($"  stopped in {stopped.TotalSeconds:F1}s");
            await cluster.StartSiloAsync(silo);
            await Task.Delay(TimeSpan.FromSeconds(5));
        }

        Console.Error.WriteLine($"bench failover: steady load for {steady}s");
        await Task.Delay(TimeSpan.FromSeconds(steady));
        var figures = await load.StopAsync(running);
        var seconds = clock.Elapsed.TotalSeconds;

        Console.Error.WriteLine("bench failover: checking every acknowledged statement against the database");
        var (lost, duplicated, stored) = await VerifyAsync(cluster, admin, learnerIds, load.Acknowledged);

        var failedShare = figures.Requests == 0 ? 0 : (double)figures.Failed / figures.Requests;
        Console.Out.WriteLine($"run:                               {seconds:F0} s, {Silos} silos, {Apis} APIs, {learners} learners, {writers} writers, {readers} readers");
        Console.Out.WriteLine($"statements acknowledged:           {load.Acknowledged.Count}  (stored for the course: {stored})");
        Console.Out.WriteLine($"acknowledged but lost:             {lost}");
        Console.Out.WriteLine($"duplicated:                        {duplicated}");
        Console.Out.WriteLine($"requests / failed:                 {figures.Requests} / {figures.Failed}  ({failedShare:P2}; writes {figures.FailedWrites}, reads {figures.FailedReads})");
        Console.Out.WriteLine($"longest time without a success:    {figures.LongestGap.TotalSeconds:F2} s  (writes alone: {figures.LongestWriteGap.TotalSeconds:F2} s)");
        Console.Out.WriteLine($"killed silo's grains answer after: {recoverySeconds:F1} s  (kill at {killedAt.TotalSeconds:F0} s; {affected} of {learners} learners failed a read meanwhile)");
        Console.Out.WriteLine(JsonSerializer.Serialize(new
        {
            bench = "failover",
            silos = Silos,
            apis = Apis,
            acked = load.Acknowledged.Count,
            lost,
            duplicated,
            requests = figures.Requests,
            failedRequests = figures.Failed,
            failedShare = Math.Round(failedShare, 5),
            longestGapSeconds = Math.Round(figures.LongestGap.TotalSeconds, 2),
            longestWriteGapSeconds = Math.Round(figures.LongestWriteGap.TotalSeconds, 2),
            recoverySeconds = Math.Round(recoverySeconds, 2),
            learnersAffected = affected,
            seconds = Math.Round(seconds, 1),
        }));
        return lost == 0 && duplicated == 0 ? 0 : 1;
    }

    private static async Task SetUpAsync(HttpClient admin, List<string> learnerIds)
    {
        var lessons = new JsonArray([.. Enumerable.Range(0, 20).Select(i => (JsonNode)new JsonObject
        {
            ["id"] = $"l{i}", ["title"] = $"Lesson {i}", ["kind"] = "video", ["minutes"] = 20, ["skills"] = new JsonArray($"s{i % 5}"),
        })]);
        var course = new JsonObject
        {
            ["id"] = CourseId, ["title"] = "Failover", ["field"] = "bench", ["pricing"] = new JsonObject { ["kind"] = "free" },
            ["modules"] = new JsonArray(new JsonObject { ["id"] = "m1", ["title"] = "M", ["lessons"] = lessons }),
        };
        await IngestBench.Ensure(await admin.PostAsJsonAsync("/api/courses", course));
        await IngestBench.Ensure(await admin.PostAsync(new Uri($"/api/courses/{CourseId}/publish", UriKind.Relative), null));
        Console.Error.WriteLine($"bench failover: registering and enrolling {learnerIds.Count} learners");
        await Parallel.ForEachAsync(learnerIds, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (id, ct) =>
        {
            var learner = new JsonObject
            {
                ["id"] = id, ["name"] = id, ["email"] = $"{id}@bench.example", ["password"] = "bench-password",
                ["timezone"] = "UTC", ["weeklyAvailability"] = new JsonArray(new JsonObject { ["day"] = "monday", ["start"] = "19:00", ["end"] = "21:00" }),
            };
            await IngestBench.Ensure(await admin.PostAsJsonAsync("/api/learners", learner, ct));
            await IngestBench.Ensure(await admin.PostAsJsonAsync($"/api/learners/{id}/enrollments", new JsonObject { ["courseId"] = CourseId }, ct));
        });
    }

    private static JsonObject Statement(Guid id, string learnerId, int lesson) => new()
    {
        ["id"] = id.ToString(),
        ["actor"] = new JsonObject { ["account"] = new JsonObject { ["homePage"] = BaseUrl, ["name"] = learnerId } },
        ["verb"] = new JsonObject { ["id"] = "http://adlnet.gov/expapi/verbs/experienced" },
        ["object"] = new JsonObject { ["id"] = $"{BaseUrl}/courses/{CourseId}/lessons/l{lesson % 20}" },
        ["result"] = new JsonObject { ["duration"] = "PT1M" },
        ["timestamp"] = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O", CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// From the kill on, each learner's progress (a read of its grains) is asked for until it answers; the
    /// seconds until the last learner answered, and how many learners failed at least once on the way.
    /// </summary>
    private static async Task<(double Seconds, int Affected)> MeasureRecoveryAsync(Cluster cluster, List<string> learnerIds)
    {
        var clock = Stopwatch.StartNew();
        var affected = 0;
        var answered = await Task.WhenAll(learnerIds.Select((id, i) => Task.Run(async () =>
        {
            using var client = cluster.Client(i % Apis);
            client.Timeout = TimeSpan.FromSeconds(5);
            var failed = false;
            while (clock.Elapsed < TimeSpan.FromMinutes(5))
            {
                try
                {
                    using var response = await client.GetAsync(new Uri($"/api/learners/{id}/courses/{CourseId}/progress", UriKind.Relative));
                    if (response.IsSuccessStatusCode)
                    {
                        if (failed)
                        {
                            Interlocked.Increment(ref affected);
                        }

                        return clock.Elapsed.TotalSeconds;
                    }
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                }

                failed = true;
                await Task.Delay(100);
            }

            throw new TimeoutException($"learner {id}'s grains did not answer within 5 minutes of the kill");
        })));
        return (answered.Max(), affected);
    }

    private static async Task<(int Lost, int Duplicated, int Stored)> VerifyAsync(
        Cluster cluster, HttpClient admin, List<string> learnerIds, ConcurrentDictionary<Guid, string> acknowledged)
    {
        var rows = new Dictionary<Guid, (string Learner, int Count)>();
        await using (var dataSource = NpgsqlDataSource.Create(cluster.DatabaseConnectionString))
        await using (var command = dataSource.CreateCommand("SELECT id, min(learner_id), count(*) FROM xapi_statements WHERE course_id = $1 GROUP BY id"))
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = CourseId });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows[reader.GetGuid(0)] = (reader.GetString(1), (int)reader.GetInt64(2));
            }
        }

        var lost = acknowledged.Keys.Count(id => !rows.ContainsKey(id));
        var duplicated = rows.Values.Sum(r => r.Count - 1);

        // Each learner's progress must count each of its stored statements once: more is a statement applied twice.
        // A learner whose grain is still catching up with the log (fewer) is waited for.
        foreach (var learnerId in learnerIds)
        {
            var storedForLearner = rows.Values.Where(r => r.Learner == learnerId).Sum(r => r.Count);
            long counted = -1;
            for (var attempt = 0; attempt < 60; attempt++)
            {
                var progress = await admin.GetFromJsonAsync<JsonElement>($"/api/learners/{learnerId}/courses/{CourseId}/progress");
                counted = progress.GetProperty("statementCount").GetInt64();
                if (counted >= storedForLearner)
                {
                    break;
                }

                await Task.Delay(500);
            }

            if (counted > storedForLearner)
            {
                duplicated += (int)(counted - storedForLearner);
            }
            else if (counted < storedForLearner)
            {
                Console.Error.WriteLine($"  learner {learnerId}: progress counts {counted} of {storedForLearner} stored statements after 30s");
            }
        }

        return (lost, duplicated, rows.Count);
    }

    private readonly record struct LoadFigures(long Requests, long Failed, long FailedWrites, long FailedReads, TimeSpan LongestGap, TimeSpan LongestWriteGap);

    /// <summary>Writers and readers over both APIs; every request's outcome and the gaps between successes.</summary>
    private sealed class Load(Cluster cluster, List<string> learnerIds)
    {
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private readonly CancellationTokenSource stop = new();
        private readonly Lock gate = new();
        private long requests;
        private long failedWrites;
        private long failedReads;
        private TimeSpan lastSuccess;
        private TimeSpan lastWrite;
        private TimeSpan longestGap;
        private TimeSpan longestWriteGap;

        public ConcurrentDictionary<Guid, string> Acknowledged { get; } = new();

        public List<Task> Start(int writers, int readers)
        {
            var tasks = Enumerable.Range(0, writers).Select(w => Task.Run(() => WriteAsync(w, writers))).ToList();
            tasks.AddRange(Enumerable.Range(0, readers).Select(r => Task.Run(() => ReadAsync(r))));
            return tasks;
        }

        public async Task<LoadFigures> StopAsync(List<Task> tasks)
        {
            await stop.CancelAsync();
            await Task.WhenAll(tasks);
            lock (gate)
            {
                Success(write: false);
                return new LoadFigures(requests, failedWrites + failedReads, failedWrites, failedReads, longestGap, longestWriteGap);
            }
        }

        private async Task WriteAsync(int writer, int writers)
        {
            using var first = cluster.Client(0);
            using var second = cluster.Client(1);
            first.Timeout = second.Timeout = TimeSpan.FromSeconds(10);
            var n = writer;
            while (!stop.IsCancellationRequested)
            {
                var learnerId = learnerIds[n % learnerIds.Count];
                var id = Guid.NewGuid();
                var body = Statement(id, learnerId, n);
                n += writers;

                // Until acknowledged: a failed request may have stored it or not; the same id and content again is safe.
                while (!stop.IsCancellationRequested)
                {
                    var client = (n / writers) % 2 == 0 ? first : second;
                    n += writers;
                    if (await SendAsync(() => client.PostAsJsonAsync("/xapi/statements", body), write: true))
                    {
                        Acknowledged[id] = learnerId;
                        break;
                    }

                    await Task.Delay(100);
                }
            }
        }

        private async Task ReadAsync(int reader)
        {
            using var first = cluster.Client(0);
            using var second = cluster.Client(1);
            first.Timeout = second.Timeout = TimeSpan.FromSeconds(10);
            var random = new Random(reader);
            while (!stop.IsCancellationRequested)
            {
                var learnerId = learnerIds[random.Next(learnerIds.Count)];
                var client = random.Next(2) == 0 ? first : second;
                if (!await SendAsync(() => client.GetAsync(new Uri($"/api/learners/{learnerId}/courses/{CourseId}/recommendations?limit=5", UriKind.Relative)), write: false))
                {
                    await Task.Delay(100);
                }
            }
        }

        private async Task<bool> SendAsync(Func<Task<HttpResponseMessage>> send, bool write)
        {
            var ok = false;
            try
            {
                using var response = await send();
                ok = response.IsSuccessStatusCode;
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
            }

            lock (gate)
            {
                requests++;
                if (ok)
                {
                    Success(write);
                }
                else if (write)
                {
                    failedWrites++;
                }
                else
                {
                    failedReads++;
                }
            }

            return ok;
        }

        private void Success(bool write)
        {
            var now = clock.Elapsed;
            longestGap = TimeSpan.FromTicks(Math.Max(longestGap.Ticks, (now - lastSuccess).Ticks));
            lastSuccess = now;
            if (write)
            {
                longestWriteGap = TimeSpan.FromTicks(Math.Max(longestWriteGap.Ticks, (now - lastWrite).Ticks));
                lastWrite = now;
            }
        }
    }

    /// <summary>Silo and API processes of one cluster on a fresh database, each started through bash so its output goes to a log file.</summary>
    private sealed class Cluster : IAsyncDisposable
    {
        private readonly string serverConnectionString;
        private readonly string root;
        private readonly string configuration;
        private readonly string databaseName = $"bench_failover_{DateTime.UtcNow:yyyyMMddHHmmss}";
        private readonly string work = Directory.CreateTempSubdirectory("mooc-failover-").FullName;
        private readonly string adminKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        private readonly string clusterId = $"failover-{Guid.NewGuid():N}";
        private readonly int[] siloPorts = [.. Enumerable.Range(0, Silos).Select(_ => FreePort())];
        private readonly int[] gatewayPorts = [.. Enumerable.Range(0, Silos).Select(_ => FreePort())];
        private readonly int[] httpPorts = [.. Enumerable.Range(0, Apis).Select(_ => FreePort())];
        private readonly Process?[] silos = new Process?[Silos];
        private readonly Process?[] apis = new Process?[Apis];

        private Cluster(string root, string configuration, string serverConnectionString)
        {
            this.root = root;
            this.configuration = configuration;
            this.serverConnectionString = serverConnectionString;
        }

        public string LogDirectory => work;

        public string DatabaseConnectionString =>
            new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = databaseName, MaxPoolSize = 50 }.ConnectionString;

        public static async Task<Cluster> StartAsync(string root, string configuration, string serverConnectionString)
        {
            foreach (var project in new[] { "silo/AdaptiveMooc.Silo", "api/AdaptiveMooc.Api" })
            {
                using var build = Process.Start(new ProcessStartInfo("dotnet", ["build", Path.Combine(root, project), "-c", configuration, "-nologo", "-v", "quiet", "-clp:ErrorsOnly"]))!;
                await build.WaitForExitAsync();
                if (build.ExitCode != 0)
                {
                    throw new InvalidOperationException($"Building {project} failed.");
                }
            }

            var cluster = new Cluster(root, configuration, serverConnectionString);
            var keyPath = Path.Combine(cluster.work, "admin.key");
            await File.WriteAllTextAsync(keyPath, cluster.adminKey);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            await using (var dataSource = NpgsqlDataSource.Create(serverConnectionString))
            await using (var create = dataSource.CreateCommand($"CREATE DATABASE {cluster.databaseName}"))
            {
                await create.ExecuteNonQueryAsync();
            }

            try
            {
                // Silo 0 alone first: it applies the migrations and creates the cluster certificate the others load.
                await cluster.StartSiloAsync(0);
                for (var i = 1; i < Silos; i++)
                {
                    await cluster.StartSiloAsync(i);
                }

                for (var i = 0; i < Apis; i++)
                {
                    cluster.apis[i] = cluster.Launch($"api-{i}", "api/AdaptiveMooc.Api", new()
                    {
                        ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{cluster.httpPorts[i]}",
                        ["Mooc__AdminKey__Path"] = keyPath,

                        // The per-caller rate limit (6000/min by default) would otherwise cap the benchmark's one key.
                        ["Mooc__RateLimit__PermitLimit"] = "100000000",
                    });
                    await cluster.WaitHealthyAsync(i);
                }
            }
            catch
            {
                await cluster.DisposeAsync();
                throw;
            }

            return cluster;
        }

        public HttpClient Client(int api)
        {
            var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPorts[api]}"), Timeout = TimeSpan.FromSeconds(60) };
            client.DefaultRequestHeaders.Add("X-Api-Key", adminKey);
            client.DefaultRequestHeaders.Add("X-Experience-API-Version", "1.0.3");
            return client;
        }

        public void KillSilo(int i)
        {
            silos[i]!.Kill();
            silos[i]!.WaitForExit();
            silos[i]!.Dispose();
            silos[i] = null;
        }

        /// <summary>SIGTERM, as ./mooc down sends: the silo leaves the cluster and hands its grains over. The time it took.</summary>
        public async Task<TimeSpan> StopSiloGracefullyAsync(int i)
        {
            var process = silos[i]!;
            var clock = Stopwatch.StartNew();
            using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))!)
            {
                await kill.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"silo {i} exited with {process.ExitCode} after SIGTERM (log: {work}/silo-{i}.log)");
            }

            process.Dispose();
            silos[i] = null;
            return clock.Elapsed;
        }

        /// <summary>Starts silo <paramref name="i"/> on its ports and waits until its gateway accepts connections.</summary>
        public async Task StartSiloAsync(int i)
        {
            var process = Launch($"silo-{i}", "silo/AdaptiveMooc.Silo", new()
            {
                ["Mooc__SiloPort"] = siloPorts[i].ToString(CultureInfo.InvariantCulture),
                ["Mooc__GatewayPort"] = gatewayPorts[i].ToString(CultureInfo.InvariantCulture),
            });
            silos[i] = process;
            var deadline = DateTime.UtcNow.AddMinutes(3);
            while (!await Listening(gatewayPorts[i]))
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"silo {i} exited during start-up (log: {work}/silo-{i}.log)");
                }

                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"silo {i} did not open its gateway in 3 minutes (log: {work}/silo-{i}.log)");
                }

                await Task.Delay(250);
            }
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var process in apis.Concat(silos))
            {
                if (process is { HasExited: false })
                {
                    process.Kill();
                    await process.WaitForExitAsync();
                }

                process?.Dispose();
            }

            NpgsqlConnection.ClearAllPools();
            await using (var dataSource = NpgsqlDataSource.Create(serverConnectionString))
            await using (var drop = dataSource.CreateCommand($"DROP DATABASE IF EXISTS {databaseName} WITH (FORCE)"))
            {
                await drop.ExecuteNonQueryAsync();
            }

            // The logs stay for a look afterwards; the keys and certificates of the run (and what the processes
            // created under .data) do not.
            foreach (var file in Directory.EnumerateFiles(work).Where(f => !f.EndsWith(".log", StringComparison.Ordinal)))
            {
                File.Delete(file);
            }

            foreach (var directory in Directory.EnumerateDirectories(work))
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        private Process Launch(string name, string project, Dictionary<string, string> own)
        {
            var dll = Path.Combine(root, project, "bin", configuration, "net10.0", Path.GetFileName(project) + ".dll");
            var log = Path.Combine(work, name + ".log");

            // exec: the pid is the dotnet process itself, so SIGKILL and SIGTERM reach the silo, not a shell.
            var info = new ProcessStartInfo("bash", ["-c", "exec dotnet \"$0\" >>\"$1\" 2>&1", dll, log])
            {
                WorkingDirectory = work,
                UseShellExecute = false,
            };
            info.Environment["ConnectionStrings__mooc"] = DatabaseConnectionString;
            info.Environment["Mooc__Storage"] = "postgres";
            info.Environment["Mooc__ClusterId"] = clusterId;
            info.Environment["Mooc__ServiceId"] = clusterId;
            info.Environment["Mooc__Tls__CertificatePath"] = Path.Combine(work, "cluster-tls.pfx");
            info.Environment["Mooc__Jwt__SigningKeyPath"] = Path.Combine(work, "jwt-signing.pem");
            info.Environment["Mooc__Models__Path"] = Path.Combine(root, "ml-models", "models");
            info.Environment["Logging__LogLevel__Default"] = "Warning";
            info.Environment["DOTNET_DbgEnableMiniDump"] = "0";
            foreach (var (key, value) in own)
            {
                info.Environment[key] = value;
            }

            File.AppendAllText(log, $"--- {DateTimeOffset.UtcNow:O} start\n");
            return Process.Start(info)!;
        }

        private async Task WaitHealthyAsync(int api)
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPorts[api]}"), Timeout = TimeSpan.FromSeconds(10) };
            var deadline = DateTime.UtcNow.AddMinutes(3);
            while (DateTime.UtcNow < deadline)
            {
                if (apis[api] is { HasExited: true })
                {
                    throw new InvalidOperationException($"API {api} exited during start-up (log: {work}/api-{api}.log)");
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

            throw new TimeoutException($"API {api} did not become healthy in 3 minutes (log: {work}/api-{api}.log)");
        }

        private static async Task<bool> Listening(int port)
        {
            try
            {
                using var tcp = new TcpClient();
                await tcp.ConnectAsync(IPAddress.Loopback, port);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
