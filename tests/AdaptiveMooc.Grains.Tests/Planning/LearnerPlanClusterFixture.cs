using AdaptiveMooc.Grains.Abstractions;
using AdaptiveMooc.Grains.Planning;
using AdaptiveMooc.Grains.Tests.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace AdaptiveMooc.Grains.Tests.Planning;

/// <summary>
/// A cluster on a manual clock whose learner plans watch their sessions every second (Orleans' minimum
/// reminder period lowered to match), so a test moves the clock past a session and sees the reminder act.
/// </summary>
public sealed class LearnerPlanClusterFixture : IAsyncLifetime
{
    public static readonly TimeSpan WatchPeriod = TimeSpan.FromSeconds(1);

    private InProcessTestCluster? cluster;

    public ManualClock Clock { get; } = new();

    public IClusterClient Client => cluster!.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton<TimeProvider>(Clock);
            silo.AddMemoryGrainStorage(StorageNames.Default);
            silo.UseInMemoryReminderService();
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = WatchPeriod);
            silo.Services.AddMoocGrainServices(new ConfigurationBuilder().Build());
            silo.Services.Configure<LearnerPlanOptions>(o => o.WatchPeriod = WatchPeriod);
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
