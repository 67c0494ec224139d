using AdaptiveMooc.Grains;
using AdaptiveMooc.Grains.Abstractions;
using AdaptiveMooc.Grains.Abstractions.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Configuration;
using Orleans.Connections.Security;

namespace AdaptiveMooc.Silo;

public static class MoocSiloBuilderExtensions
{
    /// <summary>
    /// Clustering, grain storage, reminders and streams for one silo, from <see cref="MoocSiloSettings"/>.
    /// PostgreSQL (the default) makes every silo of a cluster share membership, grain state and reminders
    /// through the database; memory keeps everything in this process and loses it on exit.
    /// The database schema must already be migrated (<see cref="Migrations.MigrationRunner"/>).
    /// </summary>
    public static ISiloBuilder ConfigureMoocSilo(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var settings = MoocSiloSettings.Read(configuration);
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = settings.ClusterId;
            o.ServiceId = settings.ServiceId;
        });

        if (settings.InMemory)
        {
            silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort, null, settings.ServiceId, settings.ClusterId)
                .AddMemoryGrainStorage(StorageNames.Default)
                .AddMemoryGrainStorage(StorageNames.PubSub)
                .UseInMemoryReminderService();
        }
        else
        {
            var connectionString = WithAutoPrepare(settings.ConnectionString!);
            silo.ConfigureEndpoints(settings.AdvertisedIp, settings.SiloPort, settings.GatewayPort)
                .UseAdoNetClustering(o =>
                {
                    o.Invariant = MoocSiloSettings.NpgsqlInvariant;
                    o.ConnectionString = connectionString;
                })
                .AddAdoNetGrainStorage(StorageNames.Default, o =>
                {
                    o.Invariant = MoocSiloSettings.NpgsqlInvariant;
                    o.ConnectionString = connectionString;

                    // A cleared state leaves no row: account tokens, and e-mail index entries (keyed by the
                    // address) released at account deletion, must not survive as keys (docs/ACCOUNTS.md).
                    o.DeleteStateOnClear = true;
                })
                .AddAdoNetGrainStorage(StorageNames.PubSub, o =>
                {
                    o.Invariant = MoocSiloSettings.NpgsqlInvariant;
                    o.ConnectionString = connectionString;
                })
                .UseAdoNetReminderService(o =>
                {
                    o.Invariant = MoocSiloSettings.NpgsqlInvariant;
                    o.ConnectionString = connectionString;
                });

            // Grain services that keep their own append-only tables (statements, audit, ...) share this pool.
            silo.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        }

        silo.AddMemoryStreams(StorageNames.Streams);

        // The grains' own services (statement store, ...): here, so tests that reuse this method run them too.
        silo.Services.AddMoocGrainServices(configuration);
        return silo;
    }

    /// <summary>
    /// Mutual TLS on the silo and gateway ports: this silo presents the cluster certificate and accepts
    /// only peers (silos and API clients) presenting a pinned one (<see cref="ClusterCertificate"/>,
    /// section <c>Mooc:Tls</c>). Without it anyone who reaches a port could call any grain and skip
    /// every check the API makes. Program.cs calls it; in-process test clusters, whose client lives in
    /// the same process, do not.
    /// </summary>
    public static ISiloBuilder UseMoocTls(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var certificate = LoadClusterCertificate(configuration);
        return silo.UseTls(certificate.Certificate, o => ConfigureMutualTls(o, certificate));
    }

    /// <summary>
    /// On Kubernetes (<c>Mooc:Kubernetes:Enabled=true</c>, deploy/k8s sets it): the silo takes its name from the pod,
    /// advertises the pod's IP, listens on every address, and silos watch the pods so that a silo whose pod is
    /// gone is declared dead at once instead of after missed probes (<c>Microsoft.Orleans.Hosting.Kubernetes</c>;
    /// membership itself stays in PostgreSQL). It reads <c>POD_NAME</c>, <c>POD_NAMESPACE</c>, <c>POD_IP</c>,
    /// <c>ORLEANS_SERVICE_ID</c> and <c>ORLEANS_CLUSTER_ID</c>. Without the key nothing changes (local runs).
    /// </summary>
    public static ISiloBuilder UseMoocKubernetesHosting(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetValue("Mooc:Kubernetes:Enabled", false) ? silo.UseKubernetesHosting() : silo;
    }

    /// <summary>The cluster certificate from <c>Mooc:Tls</c> (created on first use when no path is configured).</summary>
    public static ClusterCertificate LoadClusterCertificate(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return ClusterCertificate.LoadOrCreate(
            configuration[ClusterCertificate.Section + ":CertificatePath"],
            configuration[ClusterCertificate.Section + ":CertificatePassword"],
            configuration[ClusterCertificate.Section + ":TrustedThumbprints"]);
    }

    internal static void ConfigureMutualTls(TlsOptions options, ClusterCertificate certificate)
    {
        options.LocalCertificate = certificate.Certificate;
        options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.RemoteCertificateValidation = (remote, _, _) => certificate.IsTrusted(remote);
    }

    /// <summary>
    /// Every query of the silo (statement appends, grain state reads and writes, reminders, membership) is
    /// one of a few fixed texts run thousands of times: Npgsql prepares each after its second use on a
    /// connection, so PostgreSQL parses and plans it once per connection instead of once per call. An
    /// explicit <c>Max Auto Prepare</c> in the configured connection string wins.
    /// </summary>
    internal static string WithAutoPrepare(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }

        return builder.ConnectionString;
    }
}
