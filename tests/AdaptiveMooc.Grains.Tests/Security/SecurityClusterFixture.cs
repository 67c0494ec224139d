using AdaptiveMooc.Grains.Abstractions;
using AdaptiveMooc.Grains.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace AdaptiveMooc.Grains.Tests.Security;

/// <summary>One in-process silo with memory storage and a manual clock, shared by the security grain tests.</summary>
public sealed class SecurityClusterFixture : IAsyncLifetime
{
    private InProcessTestCluster? cluster;

    public ManualClock Clock { get; } = new();

    public IClusterClient Client => cluster!.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(StorageNames.Default);
            silo.Services.AddMoocSecurityGrains(new ConfigurationBuilder().Build());
            silo.Services.AddSingleton<TimeProvider>(Clock);
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
