using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;

namespace AdaptiveMooc.Api.Tests.Security;

/// <summary>
/// A real cluster for the security tests: one silo (memory storage) and two API processes sharing its
/// grains and one signing key. <see cref="Main"/> has the default limits; <see cref="Limited"/> allows
/// 5 requests a minute per caller and issues 5-second access tokens, for the rate-limit and expiry tests,
/// with a small statement quota and few live connections for the exhaustion tests.
/// </summary>
public sealed class SecurityFixture : IAsyncLifetime
{
    public const int LimitedPermits = 5;

    /// <summary>The limited API's statement quota per learner (Mooc:Xapi:MaxStatementsPerLearner).</summary>
    public const int LimitedStatementQuota = 20;

    /// <summary>The limited API's live (SSE) connections per caller and in total (Mooc:Limits).</summary>
    public const int LimitedLivePerCaller = 2;

    public const int LimitedLiveTotal = 3;
    public static readonly TimeSpan LimitedTokenLifetime = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan LimitedLoginLifetime = TimeSpan.FromSeconds(8);

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private readonly string work = Path.Combine(Path.GetTempPath(), "mooc-security-" + Guid.NewGuid().ToString("N"));
    private ApiProcess? silo;
    private string apiDll = null!;
    private Dictionary<string, string> common = null!;

    public ApiHost Main { get; private set; } = null!;

    public ApiHost Limited { get; private set; } = null!;

    public string AdminKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(30));

    public string SigningKeyPath => Path.Combine(work, "secrets", "jwt-signing.pem");

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    public async Task InitializeAsync()
    {
        var secrets = Path.Combine(work, "secrets");
        Directory.CreateDirectory(secrets);
        var adminKeyPath = Path.Combine(secrets, "admin.key");
        await File.WriteAllTextAsync(adminKeyPath, AdminKey);

        (var siloDll, apiDll) = Binaries();
        var gatewayPort = FreePort();
        silo = ApiProcess.Start(siloDll, work, Path.Combine(work, "silo.log"), new Dictionary<string, string>
        {
            ["Mooc__Storage"] = "memory",
            ["Mooc__SiloPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mooc__GatewayPort"] = gatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        common = new Dictionary<string, string>
        {
            ["Mooc__Storage"] = "memory",
            ["Mooc__GatewayPort"] = gatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mooc__AdminKey__Path"] = adminKeyPath,
            ["Mooc__Jwt__SigningKeyPath"] = SigningKeyPath,

            // The test client plays the documented TLS proxy: it connects from loopback and names the
            // client in X-Forwarded-For (ProxyTests).
            ["Mooc__Proxy__KnownProxies__0"] = "127.0.0.1",

            // TEST ONLY: cheaper password hashing; production refuses less than OWASP's 210,000.
            ["Mooc__Passwords__TestOnlyIterations"] = "10000",
        };
        Main = await StartApiAsync(apiDll, "api-main", common);
        Limited = await StartApiAsync(apiDll, "api-limited", new Dictionary<string, string>(common)
        {
            ["Mooc__RateLimit__PermitLimit"] = LimitedPermits.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mooc__Jwt__AccessTokenLifetime"] = LimitedTokenLifetime.ToString(),
            ["Mooc__Jwt__ClockSkew"] = "00:00:00",
            ["Mooc__Jwt__RefreshTokenAbsoluteLifetime"] = LimitedLoginLifetime.ToString(),
            ["Mooc__Xapi__MaxStatementsPerLearner"] = LimitedStatementQuota.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mooc__Limits__MaxLiveConnectionsPerCaller"] = LimitedLivePerCaller.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mooc__Limits__MaxLiveConnections"] = LimitedLiveTotal.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
    }

    public Task DisposeAsync()
    {
        Limited?.Dispose();
        Main?.Dispose();
        silo?.Dispose();
        try
        {
            Directory.Delete(work, recursive: true);
        }
        catch (IOException)
        {
            // A log still held open by a dying process; the temp folder is cleaned by the OS.
        }

        return Task.CompletedTask;
    }

    public HttpRequestMessage Request(HttpMethod method, string path, Credential credential, object? body = null)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var request = new HttpRequestMessage(method, path);
        credential.Apply(request);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: Json);
        }

        return request;
    }

    public Credential Admin => Credential.Key(AdminKey);

    /// <summary>Creates a trainer through the admin API; returns its id.</summary>
    public async Task<string> CreateTrainerAsync(string password)
    {
        var id = "t-" + Guid.NewGuid().ToString("N")[..12];
        using var request = Request(HttpMethod.Post, "/api/trainers", Admin, new { id, name = "Trainer " + id, email = $"{id}@example.org", password });
        using var response = await Main.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return id;
    }

    public async Task<TokenAnswer> TokenAsync(ApiHost host, string username, string password)
    {
        ArgumentNullException.ThrowIfNull(host);
        using var response = await host.Http.PostAsJsonAsync("/api/auth/token", new { username, password }, Json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<TokenAnswer>(Json))!;
    }

    /// <summary>Creates an API key with these scopes; returns (id, key).</summary>
    public async Task<(string Id, string Key)> CreateApiKeyAsync(params string[] scopes)
    {
        using var request = Request(HttpMethod.Post, "/api/api-keys", Admin, new { name = "test", scopes });
        using var response = await Main.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        return (created.GetProperty("id").GetString()!, created.GetProperty("key").GetString()!);
    }

    /// <summary>One more API process on this cluster, with the common settings and <paramref name="settings"/>; the caller disposes it.</summary>
    public Task<ApiHost> StartApiAsync(string name, IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var environment = new Dictionary<string, string>(common);
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        return StartApiAsync(apiDll, name, environment);
    }

    private async Task<ApiHost> StartApiAsync(string apiDll, string name, Dictionary<string, string> environment)
    {
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        environment["ASPNETCORE_URLS"] = baseAddress.ToString().TrimEnd('/');
        environment["Mooc__PublicBaseUrl"] = baseAddress.ToString().TrimEnd('/');
        var host = new ApiHost(baseAddress, ApiProcess.Start(apiDll, work, Path.Combine(work, name + ".log"), environment));
        var deadline = DateTimeOffset.UtcNow + StartTimeout;
        while (true)
        {
            if (host.Process.HasExited || silo!.HasExited)
            {
                throw new InvalidOperationException($"{name} or the silo exited during start-up:\n{host.Process.LogTail()}\n--- silo ---\n{silo!.LogTail()}");
            }

            try
            {
                // Ready when a grain answers through this API: the Orleans client is connected.
                using var probe = Request(HttpMethod.Get, "/api/audit?limit=1", Admin);
                using var response = await host.Http.SendAsync(probe);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"{name} was not ready in {StartTimeout}:\n{host.Process.LogTail()}");
            }

            await Task.Delay(500);
        }
    }

    private static (string Silo, string Api) Binaries()
    {
        // The test binaries live in tests/AdaptiveMooc.Api.Tests/bin/<Configuration>/<tfm>/.
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var tfm = testBin.Name;
        var configuration = testBin.Parent!.Name;
        var root = testBin;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "AdaptiveMooc.sln")))
        {
            root = root.Parent;
        }

        if (root is null)
        {
            throw new InvalidOperationException("AdaptiveMooc.sln not found above " + AppContext.BaseDirectory);
        }

        var silo = Path.Combine(root.FullName, "silo", "AdaptiveMooc.Silo", "bin", configuration, tfm, "AdaptiveMooc.Silo.dll");
        var api = Path.Combine(root.FullName, "api", "AdaptiveMooc.Api", "bin", configuration, tfm, "AdaptiveMooc.Api.dll");
        foreach (var dll in new[] { silo, api })
        {
            if (!File.Exists(dll))
            {
                throw new FileNotFoundException($"{dll} is missing: build the solution ({configuration}) first.");
            }
        }

        return (silo, api);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
