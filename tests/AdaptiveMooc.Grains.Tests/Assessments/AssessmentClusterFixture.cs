using AdaptiveMooc.Grains.Abstractions;
using AdaptiveMooc.Grains.Tests.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace AdaptiveMooc.Grains.Tests.Assessments;

/// <summary>One silo with memory storage, the in-memory statement log and a manual clock (time limits without waiting).</summary>
public sealed class AssessmentClusterFixture : IAsyncLifetime
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
            silo.UseInMemoryReminderService();
            silo.Services.AddSingleton<TimeProvider>(Clock);
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

[CollectionDefinition(Name)]
public sealed class AssessmentClusterCollection : ICollectionFixture<AssessmentClusterFixture>
{
    public const string Name = "assessment-cluster";
}
