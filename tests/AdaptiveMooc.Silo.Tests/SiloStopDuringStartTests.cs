using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using AdaptiveMooc.Tests.Shared;
using Npgsql;

namespace AdaptiveMooc.Silo.Tests;

/// <summary>
/// SIGTERM (./mooc down, or ./mooc up giving up) reaching a silo inside the host's start (Orleans joining the
/// cluster) is a requested stop: the silo exits 0 without an unhandled exception. It used to abort with an
/// unhandled TaskCanceledException (SIGABRT, exit 134). The silo is held inside its start by a lock the test
/// takes on the membership table: its first membership write waits for it.
/// </summary>
public sealed class SiloStopDuringStartTests
{
    [Fact]
    public async Task Sigterm_while_joining_the_cluster_exits_cleanly()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        await using var database = await MigratedDatabase.CreateAsync();
        var work = Directory.CreateTempSubdirectory("mooc-silo-stop-").FullName;
        var log = new StringBuilder();
        await using var holder = await database.DataSource.OpenConnectionAsync();
        await using var transaction = await holder.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand("LOCK TABLE orleansmembershiptable IN ACCESS EXCLUSIVE MODE", holder, transaction))
        {
            await lockTable.ExecuteNonQueryAsync();
        }

        try
        {
            var info = new ProcessStartInfo("dotnet")
            {
                ArgumentList = { SiloDll() },
                WorkingDirectory = work,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            info.Environment["Mooc__Storage"] = "postgres";
            info.Environment["ConnectionStrings__mooc"] = database.ConnectionString;
            info.Environment["Mooc__ClusterId"] = $"stop-{Guid.NewGuid():N}";
            info.Environment["Mooc__SiloPort"] = FreePort().ToString(CultureInfo.InvariantCulture);
            info.Environment["Mooc__GatewayPort"] = FreePort().ToString(CultureInfo.InvariantCulture);
            info.Environment["Mooc__Tls__CertificatePath"] = Path.Combine(work, "cluster-tls.pfx");
            info.Environment["DOTNET_DbgEnableMiniDump"] = "0";
            using var silo = Process.Start(info)!;
            void Collect(string? line)
            {
                if (line is not null)
                {
                    lock (log)
                    {
                        log.AppendLine(line);
                    }
                }
            }

            silo.OutputDataReceived += (_, e) => Collect(e.Data);
            silo.ErrorDataReceived += (_, e) => Collect(e.Data);
            silo.BeginOutputReadLine();
            silo.BeginErrorReadLine();
            try
            {
                // Inside the host's start: a session of the silo waits for the test's lock on the membership table.
                var deadline = DateTime.UtcNow.AddSeconds(90);
                while (!await WaitingForLockAsync(database))
                {
                    Assert.False(silo.HasExited, $"the silo exited before the signal:\n{log}");
                    Assert.True(DateTime.UtcNow < deadline, $"the silo never reached the membership table:\n{log}");
                    await Task.Delay(200);
                }

                using (var kill = Process.Start("kill", ["-TERM", silo.Id.ToString(CultureInfo.InvariantCulture)]))
                {
                    await kill.WaitForExitAsync();
                }

                // The silo may need the table to finish its stop: the lock goes once the signal is sent.
                await Task.Delay(TimeSpan.FromSeconds(2));
                await transaction.RollbackAsync();
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                await silo.WaitForExitAsync(timeout.Token);
            }
            finally
            {
                if (!silo.HasExited)
                {
                    silo.Kill(entireProcessTree: true);
                }
            }

            lock (log)
            {
                Assert.True(silo.ExitCode == 0, $"exit code {silo.ExitCode}:\n{log}");
                Assert.DoesNotContain("Unhandled exception", log.ToString(), StringComparison.Ordinal);
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<bool> WaitingForLockAsync(TestDatabase database)
    {
        await using var server = NpgsqlDataSource.Create(TestDatabase.ServerConnectionString);
        await using var command = server.CreateCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = database.Name });
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    private static string SiloDll()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var root = testBin;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "AdaptiveMooc.sln")))
        {
            root = root.Parent;
        }

        var dll = Path.Combine(root!.FullName, "silo", "AdaptiveMooc.Silo", "bin", testBin.Parent!.Name, testBin.Name, "AdaptiveMooc.Silo.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"{dll} is missing: build the solution first.", dll);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
