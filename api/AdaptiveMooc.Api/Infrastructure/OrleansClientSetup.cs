using Orleans.Configuration;

namespace AdaptiveMooc.Api.Infrastructure;

/// <summary>
/// The API is an Orleans client: ADO.NET clustering on PostgreSQL (<c>ConnectionStrings:mooc</c>), or
/// the localhost gateway (<c>Mooc:GatewayPort</c>) with <c>Mooc:Storage=memory</c>.
/// (Placeholder until the storage branch lands its own version of this file.)
/// </summary>
public static class OrleansClientSetup
{
    public static WebApplicationBuilder AddMoocOrleansClient(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var clusterId = configuration["Mooc:ClusterId"] ?? "adaptivemooc";
        var serviceId = configuration["Mooc:ServiceId"] ?? "adaptivemooc";
        var memory = string.Equals(configuration["Mooc:Storage"], "memory", StringComparison.OrdinalIgnoreCase);
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = clusterId;
                o.ServiceId = serviceId;
            });
            if (memory)
            {
                client.UseLocalhostClustering(configuration.GetValue("Mooc:GatewayPort", 30000), serviceId, clusterId);
            }
            else
            {
                client.UseAdoNetClustering(o =>
                {
                    o.Invariant = "Npgsql";
                    o.ConnectionString = configuration.GetConnectionString("mooc")
                        ?? throw new InvalidOperationException("ConnectionStrings:mooc is required unless Mooc:Storage=memory.");
                });
            }
        });
        return builder;
    }
}
