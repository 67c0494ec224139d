using AdaptiveMooc.Grains.Abstractions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace AdaptiveMooc.Grains.Tests.Planning;

/// <summary>The shared cluster set-up plus a reminder service, which plan grains use to watch their sessions.</summary>
public sealed class PlanningClusterFixture : IAsyncLifetime
{
    private InProcessTestCluster? cluster;

    public IClusterClient Client => cluster!.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(StorageNames.Default);
            silo.UseInMemoryReminderService();
            silo.Services.AddMoocGrainServices(new ConfigurationBuilder().Build());
            silo.Services.AddSocialGrains();
            silo.Services.AddWebhookGrains();
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
