using AdaptiveMooc.Grains.Abstractions;
using AdaptiveMooc.Grains.Certificates;
using AdaptiveMooc.Grains.Statements;
using AdaptiveMooc.Grains.Tests.Forums;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;

namespace AdaptiveMooc.Grains.Tests.Certificates;

/// <summary>
/// A cluster with learners, the statement log and certificates, whose grain state and statement log
/// outlive <see cref="RestartAsync"/> (as PostgreSQL would), so tests can restart the whole cluster.
/// </summary>
public sealed class CertificateTriggerFixture : IAsyncLifetime
{
    private readonly string secrets = Path.Combine(Path.GetTempPath(), "mooc-trigger-tests-" + Guid.NewGuid().ToString("N"));
    private readonly JsonTestGrainStorage storage = new();
    private readonly InMemoryStatementStore statements = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    internal IStatementStore Statements => statements;

    public async Task InitializeAsync() => Cluster = await StartAsync();

    public async Task RestartAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        Cluster = await StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        if (Directory.Exists(secrets))
        {
            Directory.Delete(secrets, recursive: true);
        }
    }

    private async Task<InProcessTestCluster> StartAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.Default, storage);
            silo.Services.AddSingleton<IStatementStore>(statements);
            silo.Services.AddMoocGrainServices(new ConfigurationBuilder().Build());
            silo.Services.AddSocialGrains();
            silo.Services.Configure<CertificateOptions>(o => o.SigningKeyPath = Path.Combine(secrets, "certificate-signing-key.pem"));
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
