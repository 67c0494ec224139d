using AdaptiveMooc.Grains.Abstractions;
using AdaptiveMooc.Grains.Models;
using AdaptiveMooc.ML.KnowledgeTracing;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace AdaptiveMooc.Grains.Tests.Analytics;

/// <summary>A cluster whose model catalog serves the committed risk models (the shared cluster serves the cold-start priors only).</summary>
public sealed class RiskClusterFixture : IAsyncLifetime
{
    public const string Version = "committed-risk-models";

    private InProcessTestCluster? cluster;

    public IClusterClient Client => cluster!.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(StorageNames.Default);
            silo.Services.AddMoocGrainServices(new ConfigurationBuilder().Build());
            silo.Services.AddModelCatalog(new ModelSet
            {
                Version = Version,
                Kt = KnowledgeTracingModel.ColdStart(),
                Withdrawn = CommittedModels.Withdrawn,
                AtRisk = CommittedModels.AtRisk,
            });
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
