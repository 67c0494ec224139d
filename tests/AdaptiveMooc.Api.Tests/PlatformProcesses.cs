using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace AdaptiveMooc.Api.Tests;

/// <summary>
/// A real silo process and a real API process (the dlls the solution build produced, same
/// configuration as this test assembly) on a fresh PostgreSQL database from <c>MOOC_TEST_DB</c>.
/// </summary>
public sealed class PlatformProcesses : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly string serverConnectionString;
    private readonly string databaseName = $"e2e_{Guid.NewGuid():N}";
    private readonly string runtimePassword = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
    private readonly string workDirectory = Directory.CreateTempSubdirectory("mooc-e2e-").FullName;
    private readonly string clusterId = $"e2e-{Guid.NewGuid():N}";
    private readonly int siloPort = FreePort();
    private readonly int gatewayPort = FreePort();
    private readonly int httpPort = FreePort();
    private readonly StringBuilder log = new();
    private Process? silo;
    private Process? api;

    private PlatformProcesses(string serverConnectionString)
    {
        this.serverConnectionString = serverConnectionString;
        AdminKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        AdminKeyPath = Path.Combine(workDirectory, "admin.key");
        File.WriteAllText(AdminKeyPath, AdminKey);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(AdminKeyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    public string AdminKey { get; }

    public string AdminKeyPath { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{httpPort}");

    public int GatewayPort => gatewayPort;

    public string ClusterId => clusterId;

    /// <summary>The cluster certificate the silo created on its first start (the processes' working directory is <see cref="workDirectory"/>).</summary>
    public string ClusterCertificatePath => Path.Combine(workDirectory, ".data", "secrets", "cluster-tls.pfx");

    /// <summary>The owner's (superuser's) connection: migrations, and tests that look at rows directly.</summary>
    public string DatabaseConnectionString => new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = databaseName }.ConnectionString;

    /// <summary>The login role silo and API run as (one per test database, so parallel fixtures never share a password).</summary>
    public string RuntimeRole => databaseName + "_app";

    /// <summary>The role the silo's migration step runs the scripts as and that owns the schema (created by that step).</summary>
    public string OwnerRole => databaseName + "_owner";

    /// <summary>The connection silo and API use: <see cref="RuntimeRole"/>, with only the rights the migration step granted it.</summary>
    public string RuntimeConnectionString => new NpgsqlConnectionStringBuilder(serverConnectionString)
    {
        Database = databaseName,
        Username = RuntimeRole,
        Password = runtimePassword,
    }.ConnectionString;

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

    /// <summary>
    /// Settings both processes get on top of the defaults (e.g. the SMTP server of the account tests, smaller
    /// media limits, the Stripe settings of the payment tests).
    /// </summary>
    private IReadOnlyDictionary<string, string> extraEnvironment = new Dictionary<string, string>();

    public static async Task<PlatformProcesses> StartAsync(IReadOnlyDictionary<string, string>? environment = null)
    {
        var connectionString = Environment.GetEnvironmentVariable("MOOC_TEST_DB");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                "MOOC_TEST_DB is not set: end-to-end tests need PostgreSQL (./mooc test provisions one, or export MOOC_TEST_DB).");
        }

        var platform = new PlatformProcesses(connectionString) { extraEnvironment = environment ?? new Dictionary<string, string>() };
        await using (var dataSource = NpgsqlDataSource.Create(connectionString))
        {
            await using var create = dataSource.CreateCommand($"CREATE DATABASE {platform.databaseName}");
            await create.ExecuteNonQueryAsync();

            // As ./mooc up does: a login role without DDL rights for the processes; the silo's migration step
            // (run with the owner's connection) grants it what it needs.
            await using var role = dataSource.CreateCommand($"CREATE ROLE {platform.RuntimeRole} LOGIN PASSWORD '{platform.runtimePassword}'");
            await role.ExecuteNonQueryAsync();
        }

        platform.StartSilo();
        var apiSettings = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = platform.BaseAddress.ToString().TrimEnd('/'),
            ["Mooc__AdminKey__Path"] = platform.AdminKeyPath,
            ["Mooc__Webhooks__AllowLoopback"] = "true",

            // TEST ONLY: cheaper password hashing; production refuses less than OWASP's 210,000.
            ["Mooc__Passwords__TestOnlyIterations"] = "10000",
        };
        platform.api = platform.Start("api", Locate("api", "AdaptiveMooc.Api"), apiSettings);
        await platform.WaitHealthyAsync();
        return platform;
    }

    /// <summary>An HTTP client with the admin key, or with no credentials at all.</summary>
    public HttpClient Client(bool admin = true)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (admin)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        }

        client.DefaultRequestHeaders.Add("X-Experience-API-Version", "1.0.3");
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    /// <summary>SIGKILL, as <c>kill -9</c>: no shutdown hooks, no flush.</summary>
    public void KillSilo()
    {
        silo!.Kill(entireProcessTree: true);
        silo.WaitForExit();
        silo.Dispose();
        silo = null;
    }

    public async Task RestartSiloAsync()
    {
        StartSilo();
        await WaitHealthyAsync();
    }

    public async Task WaitHealthyAsync()
    {
        using var client = Client(admin: false);
        client.Timeout = TimeSpan.FromSeconds(10);
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (silo is { HasExited: true } || api is { HasExited: true })
            {
                throw new InvalidOperationException($"A platform process exited during start-up.\n{Log}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
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

            await Task.Delay(500);
        }

        throw new TimeoutException($"The platform did not become healthy within {StartTimeout}.\n{Log}");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in new[] { api, silo })
        {
            if (process is { HasExited: false })
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process?.Dispose();
        }

        NpgsqlConnection.ClearAllPools();
        await using (var dataSource = NpgsqlDataSource.Create(serverConnectionString))
        {
            await using var drop = dataSource.CreateCommand($"DROP DATABASE IF EXISTS {databaseName} WITH (FORCE)");
            await drop.ExecuteNonQueryAsync();
            await using var dropRole = dataSource.CreateCommand($"DROP ROLE IF EXISTS {RuntimeRole}");
            await dropRole.ExecuteNonQueryAsync();
            await using var dropOwner = dataSource.CreateCommand($"DROP ROLE IF EXISTS {OwnerRole}");
            await dropOwner.ExecuteNonQueryAsync();
        }

        Directory.Delete(workDirectory, recursive: true);
    }

    private void StartSilo() =>
        silo = Start("silo", Locate("silo", "AdaptiveMooc.Silo"), new Dictionary<string, string>
        {
            ["Mooc__SiloPort"] = siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mooc__GatewayPort"] = gatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mooc__Models__Path"] = ModelsFolder,
            ["ConnectionStrings__mooc-migrations"] = DatabaseConnectionString,
            ["Mooc__Database__RuntimeRole"] = RuntimeRole,
            ["Mooc__Database__OwnerRole"] = OwnerRole,

            // TEST ONLY: the webhook tests deliver to a receiver on this machine's loopback.
            ["Mooc__Webhooks__AllowLoopback"] = "true",
        });

    /// <summary>The shipped models (ml-models/models), as ./mooc up serves them.</summary>
    public static string ModelsFolder => Path.Combine(RepositoryRoot().FullName, "ml-models", "models");

    private Process Start(string name, string dll, Dictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll },
            WorkingDirectory = workDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["ConnectionStrings__mooc"] = RuntimeConnectionString;
        info.Environment["Mooc__Storage"] = "postgres";
        info.Environment["Mooc__ClusterId"] = clusterId;
        info.Environment["Mooc__ServiceId"] = clusterId;
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment.Concat(extraEnvironment))
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {dll}.");
        process.OutputDataReceived += (_, e) => Append(name, e.Data);
        process.ErrorDataReceived += (_, e) => Append(name, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private void Append(string name, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            // Keep the tail only: the log is for diagnosing a failed start, not an archive.
            if (log.Length > 200_000)
            {
                log.Remove(0, 100_000);
            }

            log.Append('[').Append(name).Append("] ").AppendLine(line);
        }
    }

    /// <summary>bin/&lt;Configuration&gt;/net10.0 of a project, next to this test assembly's own configuration.</summary>
    private static string Locate(string folder, string project)
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testBin.Name;
        var configuration = testBin.Parent!.Name;
        var root = RepositoryRoot();
        var dll = Path.Combine(root.FullName, folder, project, "bin", configuration, framework, project + ".dll");
        return File.Exists(dll)
            ? dll
            : throw new FileNotFoundException($"{dll} is missing: build the solution in {configuration} first.", dll);
    }

    private static DirectoryInfo RepositoryRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "AdaptiveMooc.sln")))
        {
            root = root.Parent;
        }

        return root ?? throw new InvalidOperationException("Cannot find the repository root (AdaptiveMooc.sln) above the test assembly.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
