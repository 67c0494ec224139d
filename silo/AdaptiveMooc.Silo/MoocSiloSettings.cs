using System.Net;
using Microsoft.Extensions.Configuration;

namespace AdaptiveMooc.Silo;

/// <summary>
/// The configuration keys a silo reads (environment variables use <c>__</c> for <c>:</c>):
/// <c>ConnectionStrings:mooc</c>, <c>Mooc:Storage</c> (<c>postgres</c> | <c>memory</c>), <c>Mooc:SiloPort</c>,
/// <c>Mooc:GatewayPort</c>, <c>Mooc:AdvertisedIp</c>, <c>Mooc:ClusterId</c>, <c>Mooc:ServiceId</c>.
/// </summary>
public sealed record MoocSiloSettings(
    bool InMemory,
    string? ConnectionString,
    int SiloPort,
    int GatewayPort,
    IPAddress AdvertisedIp,
    string ClusterId,
    string ServiceId)
{
    public const string ConnectionStringName = "mooc";

    /// <summary>The database owner's connection, used only to apply migrations and grant the runtime role its rights.</summary>
    public const string MigrationsConnectionStringName = "mooc-migrations";
    public const string NpgsqlInvariant = "Npgsql";

    public const string NotDurableWarning =
        "WARNING: Mooc:Storage=memory: grain state, reminders and cluster membership live in this process only. " +
        "NOTHING IS DURABLE: every course, learner and statement is lost when the silo stops.";

    public static MoocSiloSettings Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var storage = configuration["Mooc:Storage"] ?? "postgres";
        var inMemory = storage.ToUpperInvariant() switch
        {
            "POSTGRES" => false,
            "MEMORY" => true,
            _ => throw new InvalidOperationException($"Mooc:Storage must be 'postgres' or 'memory', not '{storage}'."),
        };
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (!inMemory && string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                "ConnectionStrings:mooc (environment variable ConnectionStrings__mooc) is required when Mooc:Storage is 'postgres'.");
        }

        var advertised = configuration["Mooc:AdvertisedIp"] ?? "127.0.0.1";
        return new MoocSiloSettings(
            inMemory,
            connectionString,
            configuration.GetValue("Mooc:SiloPort", 11111),
            configuration.GetValue("Mooc:GatewayPort", 30000),
            IPAddress.TryParse(advertised, out var ip) ? ip : throw new InvalidOperationException($"Mooc:AdvertisedIp '{advertised}' is not an IP address."),
            configuration["Mooc:ClusterId"] ?? "adaptivemooc",
            configuration["Mooc:ServiceId"] ?? "adaptivemooc");
    }
}
