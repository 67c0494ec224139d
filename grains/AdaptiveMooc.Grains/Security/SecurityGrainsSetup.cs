using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace AdaptiveMooc.Grains.Security;

public static class SecurityGrainsSetup
{
    /// <summary>
    /// Services the security grains need in a silo. The audit log goes to PostgreSQL when the silo has
    /// registered an <see cref="NpgsqlDataSource"/>, and to memory otherwise (<c>--memory</c>).
    /// </summary>
    public static IServiceCollection AddMoocSecurityGrains(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<LoginThrottleOptions>().Bind(configuration.GetSection(LoginThrottleOptions.Section));
        services.TryAddSingleton<IAuditStore>(sp => sp.GetService<NpgsqlDataSource>() is { } dataSource
            ? new PostgresAuditStore(dataSource)
            : new MemoryAuditStore());
        return services;
    }
}
