using AdaptiveMooc.Tests.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace AdaptiveMooc.Silo.Tests;

/// <summary>
/// Silos configured exactly as the silo process configures itself (<see cref="MoocSiloBuilderExtensions.ConfigureMoocSilo"/>),
/// each on its own free TCP ports, plus a client that finds them through the ADO.NET membership table, as the API does.
/// </summary>
internal sealed class MoocTestCluster : IAsyncDisposable
{
    private readonly List<IHost> silos = [];
    private IHost? clientHost;
    private IReadOnlyDictionary<string, string?> extraSettings = new Dictionary<string, string?>();

    private MoocTestCluster(string connectionString, string clusterId)
    {
        ConnectionString = connectionString;
        ClusterId = clusterId;
    }

    public string ConnectionString { get; }

    public string ClusterId { get; }

    public IClusterClient Client => clientHost?.Services.GetRequiredService<IClusterClient>()
        ?? throw new InvalidOperationException("The cluster is stopped.");

    public IReadOnlyList<IHost> Silos => silos;

    public static async Task<MoocTestCluster> StartAsync(
        string connectionString, string clusterId, int siloCount = 1, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var cluster = new MoocTestCluster(connectionString, clusterId) { extraSettings = settings ?? new Dictionary<string, string?>() };
        try
        {
            for (var i = 0; i < siloCount; i++)
            {
                await cluster.StartSiloAsync();
            }

            await cluster.StartClientAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public async Task StartSiloAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:mooc"] = ConnectionString,
            ["Mooc:Storage"] = "postgres",
            ["Mooc:SiloPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mooc:GatewayPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mooc:ClusterId"] = ClusterId,
            ["Mooc:ServiceId"] = ClusterId,
        });
        builder.Configuration.AddInMemoryCollection(extraSettings);
        builder.UseOrleans(silo =>
        {
            silo.ConfigureMoocSilo(builder.Configuration);
            // Production keeps Orleans' one-minute floor; the test grain ticks every second.
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        });
        var host = builder.Build();
        await host.StartAsync();
        silos.Add(host);
    }

    private async Task StartClientAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = ClusterId;
                o.ServiceId = ClusterId;
            });
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = MoocSiloSettings.NpgsqlInvariant;
                o.ConnectionString = ConnectionString;
            });
        });
        clientHost = builder.Build();
        await clientHost.StartAsync();
    }

    /// <summary>Stops the client and every silo gracefully: nothing of this cluster keeps running.</summary>
    public async ValueTask DisposeAsync()
    {
        if (clientHost is not null)
        {
            await clientHost.StopAsync();
            clientHost.Dispose();
            clientHost = null;
        }

        foreach (var silo in Enumerable.Reverse(silos))
        {
            await silo.StopAsync();
            silo.Dispose();
        }

        silos.Clear();
    }
}
