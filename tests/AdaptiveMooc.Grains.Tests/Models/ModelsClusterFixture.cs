using AdaptiveMooc.Grains.Abstractions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace AdaptiveMooc.Grains.Tests.Models;

/// <summary>A cluster serving the shipped models (Mooc:Models:Path = ml-models/models), as ./mooc up does.</summary>
public sealed class ModelsClusterFixture : IAsyncLifetime
{
    private InProcessTestCluster? cluster;

    public IClusterClient Client => cluster!.Client;

    public IServiceProvider SiloServices => cluster!.Silos[0].ServiceProvider;

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Mooc:Models:Path"] = ModelFolders.Shipped })
            .Build();
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(StorageNames.Default);
            silo.UseInMemoryReminderService();
            silo.Services.AddMoocGrainServices(configuration);
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
