using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace AdaptiveMooc.Tests.Shared;

/// <summary>
/// smtp4dev (the local .NET tool of .config/dotnet-tools.json, restored here when missing) on free ports with an
/// in-memory database: the mail catcher end-to-end tests read sent mail from, through its HTTP API.
/// </summary>
public sealed class Smtp4Dev : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder log = new();
    private readonly HttpClient http;

    private Smtp4Dev(Process process, int webPort, int smtpPort)
    {
        this.process = process;
        SmtpPort = smtpPort;
        WebAddress = new Uri($"http://127.0.0.1:{webPort}");
        http = new HttpClient { BaseAddress = WebAddress, Timeout = TimeSpan.FromSeconds(20) };
    }

    public int SmtpPort { get; }

    public Uri WebAddress { get; }

    /// <summary>The value for <c>MOOC_SMTP</c>.</summary>
    public string SmtpUrl => $"smtp://127.0.0.1:{SmtpPort}";

    public static async Task<Smtp4Dev> StartAsync()
    {
        var root = RepositoryRoot();
        await RunAsync(root, "tool", "restore");
        int web = FreePort(), smtp = FreePort(), imap = FreePort(), pop3 = FreePort();
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "tool", "run", "smtp4dev", "--", $"--urls=http://127.0.0.1:{web}", $"--smtpport={smtp}", $"--imapport={imap}", $"--pop3port={pop3}",
            "--db=", "--nousersettings", "--hostname=localhost",
        })
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start smtp4dev.");
        var catcher = new Smtp4Dev(process, web, smtp);
        process.OutputDataReceived += (_, e) => catcher.Append(e.Data);
        process.ErrorDataReceived += (_, e) => catcher.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException("smtp4dev exited during start-up:\n" + catcher.Log);
            }

            try
            {
                using var response = await catcher.http.GetAsync(new Uri("/api/messages", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK && await CanConnect(smtp))
                {
                    return catcher;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(300);
        }

        await catcher.DisposeAsync();
        throw new TimeoutException("smtp4dev did not start within 90 s:\n" + catcher.Log);
    }

    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    /// <summary>Every caught message: id, subject, recipients (as smtp4dev's <c>GET /api/messages</c> lists them).</summary>
    public async Task<IReadOnlyList<CaughtMail>> MessagesAsync()
    {
        using var document = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/messages?pageSize=1000", UriKind.Relative)));
        var items = document.RootElement.ValueKind == JsonValueKind.Array ? document.RootElement : document.RootElement.GetProperty("results");
        return [.. items.EnumerateArray().Select(m => new CaughtMail(
            m.GetProperty("id").GetString()!,
            m.GetProperty("subject").GetString() ?? string.Empty,
            [.. m.GetProperty("to").EnumerateArray().Select(t => t.GetString() ?? string.Empty)]))];
    }

    /// <summary>The raw message (headers and body) as received.</summary>
    public Task<string> SourceAsync(string id) => http.GetStringAsync(new Uri($"/api/messages/{id}/raw", UriKind.Relative));

    /// <summary>Waits for mails to <paramref name="address"/> whose subject contains <paramref name="subject"/>; answers their sources.</summary>
    public async Task<IReadOnlyList<string>> WaitForAsync(string address, string subject, int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var found = (await MessagesAsync())
                .Where(m => m.To.Any(t => t.Contains(address, StringComparison.OrdinalIgnoreCase)) && m.Subject.Contains(subject, StringComparison.Ordinal))
                .ToList();
            if (found.Count >= count)
            {
                return await Task.WhenAll(found.Select(m => SourceAsync(m.Id)));
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{found.Count} of {count} mails '{subject}' to {address} arrived.");
            }

            await Task.Delay(250);
        }
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            if (log.Length > 100_000)
            {
                log.Remove(0, 50_000);
            }

            log.AppendLine(line);
        }
    }

    private static async Task<bool> CanConnect(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static async Task RunAsync(string directory, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed: {await output}{await error}");
        }
    }

    private static string RepositoryRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "AdaptiveMooc.sln")))
        {
            root = root.Parent;
        }

        return root?.FullName ?? throw new InvalidOperationException("Cannot find the repository root above the test assembly.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
