using AdaptiveMooc.Grains.Abstractions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace AdaptiveMooc.Grains.Tests;

/// <summary>One in-process cluster with memory storage for the whole collection; tests use unique keys.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private InProcessTestCluster? cluster;

    public IClusterClient Client => cluster!.Client;

    public IServiceProvider SiloServices => cluster!.Silos[0].ServiceProvider;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(StorageNames.Default);
            silo.Services.AddMoocGrainServices(new ConfigurationBuilder().Build());
            silo.Services.AddWebhookGrains();
            silo.AddIncomingGrainCallFilter<DroppedAnalyticsFacts>();
        });
        cluster = builder.Build();
        await cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }
    }
}
