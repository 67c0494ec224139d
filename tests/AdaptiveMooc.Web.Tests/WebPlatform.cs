using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using AdaptiveMooc.Api.Tests;
using Microsoft.Playwright;

namespace AdaptiveMooc.Web.Tests;

/// <summary>
/// The real platform for browser tests: a silo and an API process on a fresh PostgreSQL database
/// (<see cref="PlatformProcesses"/>), the web app process in front of them, and headless Chromium from Debian's
/// <c>chromium</c> package (Playwright's own browser download cannot work here).
/// </summary>
public sealed class WebPlatform : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>The API's default <c>Mooc:PublicBaseUrl</c>, which PlatformProcesses leaves as it is.</summary>
    public const string ApiPublicBase = "http://127.0.0.1:5080";

    private readonly string workDirectory = Directory.CreateTempSubdirectory("mooc-web-").FullName;
    private readonly StringBuilder webLog = new();
    private readonly int webPort = FreePort();
    private PlatformProcesses? platform;
    private Process? web;
    private IPlaywright? playwright;

    public PlatformProcesses Platform => platform ?? throw new InvalidOperationException("The platform did not start.");

    public IBrowser Browser { get; private set; } = default!;

    public Uri WebAddress => new($"http://127.0.0.1:{webPort}");

    public string WebLog
    {
        get
        {
            lock (webLog)
            {
                return webLog.ToString();
            }
        }
    }

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: apt-get install -y chromium (.ci/run does it).");
        }

        platform = await PlatformProcesses.StartAsync();
        var keyPath = Path.Combine(workDirectory, "catalogue.key");
        using (var admin = Platform.Client())
        {
            using var response = await admin.PostAsJsonAsync("/api/api-keys", new { name = "web catalogue", scopes = new[] { "catalogue:read" } });
            response.EnsureSuccessStatusCode();
            var created = await response.Content.ReadFromJsonAsync<JsonElement>();
            await File.WriteAllTextAsync(keyPath, created.GetProperty("key").GetString());
        }

        StartWeb(keyPath);
        await WaitWebAsync();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
    }

    public async Task<IBrowserContext> NewContextAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = WebAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(30_000);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
        if (web is { HasExited: false })
        {
            web.Kill(entireProcessTree: true);
            await web.WaitForExitAsync();
        }

        web?.Dispose();
        if (platform is not null)
        {
            await platform.DisposeAsync();
        }

        Directory.Delete(workDirectory, recursive: true);
    }

    private void StartWeb(string catalogueKeyPath)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Locate() },
            WorkingDirectory = workDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["ASPNETCORE_URLS"] = WebAddress.ToString().TrimEnd('/');
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Mooc__Api__BaseUrl"] = Platform.BaseAddress.ToString();
        info.Environment["Mooc__Api__PublicBaseUrl"] = ApiPublicBase;
        info.Environment["Mooc__Api__CatalogueKeyPath"] = catalogueKeyPath;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        web = Process.Start(info) ?? throw new InvalidOperationException("Could not start the web app.");
        web.OutputDataReceived += (_, e) => Append(e.Data);
        web.ErrorDataReceived += (_, e) => Append(e.Data);
        web.BeginOutputReadLine();
        web.BeginErrorReadLine();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (webLog)
        {
            if (webLog.Length > 200_000)
            {
                webLog.Remove(0, 100_000);
            }

            webLog.AppendLine(line);
        }
    }

    private async Task WaitWebAsync()
    {
        using var client = new HttpClient { BaseAddress = WebAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (web!.HasExited)
            {
                throw new InvalidOperationException($"The web app exited during start-up.\n{WebLog}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/alive", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
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

        throw new TimeoutException($"The web app did not answer /alive in 60 s.\n{WebLog}");
    }

    internal static string Locate(string folder = "web", string project = "AdaptiveMooc.Web")
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var dll = Path.Combine(RepositoryRoot().FullName, folder, project, "bin", testBin.Parent!.Name, testBin.Name, project + ".dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"{dll} is missing: build the solution first.", dll);
    }

    internal static DirectoryInfo RepositoryRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "AdaptiveMooc.sln")))
        {
            root = root.Parent;
        }

        return root ?? throw new InvalidOperationException("Cannot find the repository root above the test assembly.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
