using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AdaptiveMooc.Api.Tests;

/// <summary>
/// SIGTERM (./mooc down, or ./mooc up giving up) reaching the API while it still waits for a gateway is a
/// requested stop: the process exits 0. It used to die of the unhandled OperationCanceledException from the
/// Orleans client's start: SIGABRT, exit 134, a core dump, and "Aborted" printed by the shell.
/// </summary>
public sealed class StopDuringStartTests
{
    [Fact]
    public async Task Sigterm_while_waiting_for_a_gateway_exits_cleanly()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var work = Directory.CreateTempSubdirectory("mooc-stop-").FullName;
        var log = new StringBuilder();
        var connecting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            var info = new ProcessStartInfo("dotnet")
            {
                ArgumentList = { ApiDll() },
                WorkingDirectory = work,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            info.Environment["Mooc__Storage"] = "memory";
            info.Environment["Mooc__GatewayPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture); // nobody listens
            info.Environment["Mooc__Tls__CertificatePath"] = Path.Combine(work, "cluster-tls.pfx");
            info.Environment["Mooc__Jwt__SigningKeyPath"] = Path.Combine(work, "jwt-signing.pem");
            info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort()}";
            info.Environment["DOTNET_DbgEnableMiniDump"] = "0";
            info.Environment["Logging__LogLevel__Default"] = "Information";
            using var api = Process.Start(info)!;
            void Collect(string? line)
            {
                if (line is null)
                {
                    return;
                }

                lock (log)
                {
                    log.AppendLine(line);
                }

                if (line.Contains("Starting Orleans client", StringComparison.Ordinal))
                {
                    connecting.TrySetResult();
                }
            }

            api.OutputDataReceived += (_, e) => Collect(e.Data);
            api.ErrorDataReceived += (_, e) => Collect(e.Data);
            api.BeginOutputReadLine();
            api.BeginErrorReadLine();
            try
            {
                await connecting.Task.WaitAsync(TimeSpan.FromSeconds(60));

                // Inside the connection retry loop (a retry every 2 s, for 2 minutes).
                await Task.Delay(TimeSpan.FromSeconds(3));
                Assert.False(api.HasExited, $"the API exited before the signal:\n{log}");
                using (var kill = Process.Start("kill", ["-TERM", api.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                {
                    await kill.WaitForExitAsync();
                }

                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await api.WaitForExitAsync(timeout.Token);
            }
            finally
            {
                if (!api.HasExited)
                {
                    api.Kill(entireProcessTree: true);
                }
            }

            lock (log)
            {
                Assert.True(api.ExitCode == 0, $"exit code {api.ExitCode}:\n{log}");
                Assert.DoesNotContain("Unhandled exception", log.ToString(), StringComparison.Ordinal);
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static string ApiDll()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var root = testBin;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "AdaptiveMooc.sln")))
        {
            root = root.Parent;
        }

        var dll = Path.Combine(root!.FullName, "api", "AdaptiveMooc.Api", "bin", testBin.Parent!.Name, testBin.Name, "AdaptiveMooc.Api.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"{dll} is missing: build the solution first.", dll);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
