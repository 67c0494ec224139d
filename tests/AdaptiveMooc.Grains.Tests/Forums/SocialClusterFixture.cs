using AdaptiveMooc.Grains.Abstractions;
using AdaptiveMooc.Grains.Accounts;
using AdaptiveMooc.Grains.Certificates;
using AdaptiveMooc.Grains.Forums;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;

namespace AdaptiveMooc.Grains.Tests.Forums;

/// <summary>
/// One in-process cluster for the social grain tests (in-memory forum and webinar stores, statements
/// recorded, grain state in storage that survives <see cref="RestartAsync"/>). Tests use unique keys.
/// </summary>
public sealed class SocialClusterFixture : IAsyncLifetime
{
    private readonly string secrets = Path.Combine(Path.GetTempPath(), "mooc-social-tests-" + Guid.NewGuid().ToString("N"));
    private readonly JsonTestGrainStorage storage = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    internal RecordingStatementSink Statements { get; } = new();

    public string SigningKeyPath => Path.Combine(secrets, "certificate-signing-key.pem");

    public async Task InitializeAsync() => Cluster = await StartAsync();

    /// <summary>Stops every silo and starts a fresh cluster on the same grain storage and signing key.</summary>
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
        // One silo: the in-memory stores live in a silo process, as they do in a --memory run.
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton<ILearningStatementSink>(Statements);
            silo.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.Default, storage);
            silo.Services.AddSocialGrains();
            // Webinars raise "webinar starting" notices (a reminder, then the inbox, which queues mail and webhooks).
            silo.UseInMemoryReminderService();
            silo.Services.AddMoocAccountServices(new ConfigurationBuilder().Build());
            silo.Services.AddWebhookGrains();
            silo.Services.Configure<CertificateOptions>(o => o.SigningKeyPath = SigningKeyPath);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
