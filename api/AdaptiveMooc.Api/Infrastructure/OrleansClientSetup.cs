using AdaptiveMooc.Grains.Abstractions.Security;
using Orleans.Configuration;
using Orleans.Connections.Security;

namespace AdaptiveMooc.Api.Infrastructure;

/// <summary>
/// The API is a stateless Orleans client. It reads the same keys as the silo: with
/// <c>Mooc:Storage=postgres</c> (default) it finds the gateways in the ADO.NET membership table through
/// <c>ConnectionStrings:mooc</c>, so any number of silos and API instances meet through PostgreSQL;
/// with <c>Mooc:Storage=memory</c> it talks to the one local silo on <c>Mooc:GatewayPort</c>.
/// </summary>
public static class OrleansClientSetup
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromMinutes(2);

    public static WebApplicationBuilder AddMoocOrleansClient(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var storage = configuration["Mooc:Storage"] ?? "postgres";
        var clusterId = configuration["Mooc:ClusterId"] ?? "adaptivemooc";
        var serviceId = configuration["Mooc:ServiceId"] ?? "adaptivemooc";
        var connectionString = configuration.GetConnectionString("mooc");

        builder.UseOrleansClient(client =>
        {
            if (string.Equals(storage, "memory", StringComparison.OrdinalIgnoreCase))
            {
                client.UseLocalhostClustering(configuration.GetValue("Mooc:GatewayPort", 30000), serviceId, clusterId);
            }
            else if (string.Equals(storage, "postgres", StringComparison.OrdinalIgnoreCase))
            {
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException(
                        "ConnectionStrings:mooc (environment variable ConnectionStrings__mooc) is required when Mooc:Storage is 'postgres'.");
                }

                client.Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = clusterId;
                    o.ServiceId = serviceId;
                });
                client.UseAdoNetClustering(o =>
                {
                    o.Invariant = "Npgsql";
                    o.ConnectionString = connectionString;
                });
            }
            else
            {
                throw new InvalidOperationException($"Mooc:Storage must be 'postgres' or 'memory', not '{storage}'.");
            }

            // Mutual TLS to the gateways: the API presents the cluster certificate and talks only to silos
            // presenting a pinned one (docs/SECURITY.md, "Cluster transport").
            var certificate = LoadClusterCertificate(configuration);
            client.UseTls(certificate.Certificate, o =>
            {
                o.LocalCertificate = certificate.Certificate;
                o.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
                o.RemoteCertificateValidation = (remote, _, _) => certificate.IsTrusted(remote);
            });

            // Trace context in grain calls, and the dashboard's client side (docs/OPERATIONS.md, "Telemetry").
            Telemetry.ApiTelemetry.UseMoocObservability(client, configuration);

            // Silos and API start as separate processes in any order: wait for a gateway instead of failing.
            var giveUpAt = DateTimeOffset.UtcNow + ConnectTimeout;
            client.UseConnectionRetryFilter(async (exception, cancellationToken) =>
            {
                if (DateTimeOffset.UtcNow > giveUpAt)
                {
                    return false;
                }

                await Task.Delay(RetryDelay, cancellationToken);
                return true;
            });
        });
        return builder;
    }

    /// <summary>The cluster certificate from <c>Mooc:Tls</c>, as the silo reads it (created on first use when no path is configured).</summary>
    public static ClusterCertificate LoadClusterCertificate(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return ClusterCertificate.LoadOrCreate(
            configuration[ClusterCertificate.Section + ":CertificatePath"],
            configuration[ClusterCertificate.Section + ":CertificatePassword"],
            configuration[ClusterCertificate.Section + ":TrustedThumbprints"]);
    }
}
