using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AdaptiveMooc.Api.Tests;
using Npgsql;

namespace AdaptiveMooc.Tools.Tests;

/// <summary>
/// <c>./mooc backup</c> and <c>./mooc restore</c> (scripts/backup.sh, docs/OPERATIONS.md "Backups") against a
/// running platform: a backup taken while writers keep posting statements, restored into a database that did
/// not exist, holds every statement acknowledged before the backup began; a restore into a database that
/// holds tables is refused without <c>--force</c> and changes nothing.
/// </summary>
public sealed class BackupRestoreTests
{
    private const int Writers = 8;

    [Fact]
    public async Task A_backup_taken_during_ingestion_restores_every_statement_acknowledged_before_it_began()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        await using var platform = await PlatformProcesses.StartAsync();
        using var admin = platform.Client();
        var courseId = Payloads.NewId("backup");
        var course = Payloads.Course(courseId);
        (await admin.PostAsJsonAsync("/api/courses", course)).EnsureSuccessStatusCode();
        await Payloads.PublishAsync(admin, courseId, course);
        var learners = new List<string>();
        for (var i = 0; i < Writers; i++)
        {
            var learnerId = Payloads.NewId($"b{i}");
            (await admin.PostAsJsonAsync("/api/learners", Payloads.Learner(learnerId))).EnsureSuccessStatusCode();
            (await admin.PostAsJsonAsync($"/api/learners/{learnerId}/enrollments", new JsonObject { ["courseId"] = courseId })).EnsureSuccessStatusCode();
            learners.Add(learnerId);
        }

        var acknowledged = new ConcurrentDictionary<Guid, bool>();
        using var stop = new CancellationTokenSource();
        var writers = learners.Select(learnerId => Task.Run(async () =>
        {
            using var client = platform.Client();
            while (!stop.IsCancellationRequested)
            {
                var id = Guid.NewGuid();
                var statement = Payloads.Statement(learnerId, courseId, "l1", "experienced", DateTimeOffset.UtcNow.AddMinutes(-1), id, duration: "PT1M");
                using var response = await client.PostAsJsonAsync("/xapi/statements", statement);
                if (response.IsSuccessStatusCode)
                {
                    acknowledged[id] = true;
                }
            }
        })).ToList();

        var backup = Path.Combine(Path.GetTempPath(), $"mooc-backup-{Guid.NewGuid():N}.dump");
        var restoredName = $"restored_{Guid.NewGuid():N}";
        var server = new NpgsqlConnectionStringBuilder(platform.DatabaseConnectionString) { Database = "postgres" }.ConnectionString;
        try
        {
            await WaitFor(() => acknowledged.Count >= 300, writers);

            // Everything acknowledged so far must be in the backup; the writers go on while it runs.
            var before = acknowledged.Keys.ToHashSet();
            var (backupExit, backupOutput) = await MoocAsync(platform.DatabaseConnectionString, "backup", backup);
            var during = acknowledged.Count - before.Count;
            await WaitFor(() => acknowledged.Count >= before.Count + during + 50, writers);
            await stop.CancelAsync();
            await Task.WhenAll(writers);
            Assert.True(backupExit == 0, backupOutput);
            Assert.True(during > 0, "no statement was acknowledged while the backup ran: the test did not back up during ingestion");

            var restoredConnection = new NpgsqlConnectionStringBuilder(platform.DatabaseConnectionString) { Database = restoredName }.ConnectionString;
            var (restoreExit, restoreOutput) = await MoocAsync(restoredConnection, "restore", backup);
            Assert.True(restoreExit == 0, restoreOutput);

            var restored = await StatementIdsAsync(restoredConnection, courseId);
            var missing = before.Where(id => !restored.Contains(id)).ToList();
            Assert.True(missing.Count == 0, $"{missing.Count} of {before.Count} statements acknowledged before the backup began are not in the restored database");

            // Nothing the platform did not store, and each statement once.
            var source = await StatementIdsAsync(platform.DatabaseConnectionString, courseId);
            Assert.Subset(source, restored);
            Assert.Equal(restored.Count, await CountAsync(restoredConnection, $"SELECT count(*) FROM xapi_statements WHERE course_id = '{courseId}'"));

            // The restored database is not empty now: a second restore is refused and changes nothing.
            var (againExit, againOutput) = await MoocAsync(restoredConnection, "restore", backup);
            Assert.NotEqual(0, againExit);
            Assert.Contains("not empty", againOutput, StringComparison.Ordinal);
            Assert.Contains("--force", againOutput, StringComparison.Ordinal);
            Assert.Equal(restored.Count, (await StatementIdsAsync(restoredConnection, courseId)).Count);

            // A file that is no backup is refused before anything is touched.
            var junk = backup + ".junk";
            await File.WriteAllTextAsync(junk, "not a pg_dump archive");
            var (junkExit, junkOutput) = await MoocAsync(restoredConnection, "restore", junk, "--force");
            File.Delete(junk);
            Assert.NotEqual(0, junkExit);
            Assert.Contains("not a backup", junkOutput, StringComparison.Ordinal);
            Assert.Equal(restored.Count, (await StatementIdsAsync(restoredConnection, courseId)).Count);
        }
        finally
        {
            await stop.CancelAsync();
            File.Delete(backup);
            NpgsqlConnection.ClearAllPools();
            await using var dataSource = NpgsqlDataSource.Create(server);
            await using var drop = dataSource.CreateCommand($"DROP DATABASE IF EXISTS {restoredName} WITH (FORCE)");
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static async Task<HashSet<Guid>> StatementIdsAsync(string connectionString, string courseId)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("SELECT id FROM xapi_statements WHERE course_id = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = courseId });
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new HashSet<Guid>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    private static async Task<int> CountAsync(string connectionString, string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(sql);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task WaitFor(Func<bool> condition, List<Task> writers)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!condition())
        {
            if (writers.FirstOrDefault(w => w.IsFaulted) is { } failed)
            {
                await failed;
            }

            Assert.True(DateTime.UtcNow < deadline, "the writers did not get enough statements acknowledged in 2 minutes");
            await Task.Delay(50);
        }
    }

    /// <summary>Runs <c>./mooc ARGS</c> with <c>MOOC_DB</c> set to <paramref name="database"/>; its exit code and output.</summary>
    private static async Task<(int ExitCode, string Output)> MoocAsync(string database, params string[] args)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(RepositoryRoot(), "mooc"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["MOOC_DB"] = database;
        if (Environment.GetEnvironmentVariable("MOOC_TEST_PG_BIN") is { Length: > 0 } bin)
        {
            info.Environment["PG_BIN"] = bin;
        }

        using var process = Process.Start(info)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    private static string RepositoryRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "AdaptiveMooc.sln")))
        {
            root = root.Parent;
        }

        return root?.FullName ?? throw new InvalidOperationException("AdaptiveMooc.sln not found above " + AppContext.BaseDirectory);
    }
}
