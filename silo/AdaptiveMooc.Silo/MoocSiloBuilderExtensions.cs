using AdaptiveMooc.Grains;
using AdaptiveMooc.Grains.Abstractions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Configuration;

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
            var connectionString = settings.ConnectionString!;
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
}
