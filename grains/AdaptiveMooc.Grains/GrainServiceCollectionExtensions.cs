using AdaptiveMooc.Grains.Models;
using AdaptiveMooc.Grains.Statements;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace AdaptiveMooc.Grains;

public static class GrainServiceCollectionExtensions
{
    /// <summary>
    /// Services the grains need. The statement log is PostgreSQL when the silo registered an
    /// <see cref="NpgsqlDataSource"/> (storage <c>postgres</c>), in memory otherwise (<c>--memory</c>, tests).
    /// Resolved lazily so the call order against the storage set-up does not matter.
    /// </summary>
    public static IServiceCollection AddMoocGrainServices(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IStatementStore>(sp => sp.GetService<NpgsqlDataSource>() is { } dataSource
            ? new PostgresStatementStore(dataSource)
            : new InMemoryStatementStore());
        services.TryAddSingleton<Analytics.IAnalyticsStatementSource>(sp => sp.GetService<NpgsqlDataSource>() is { } dataSource ? new Analytics.PostgresAnalyticsStatementSource(dataSource) : new Analytics.StoreAnalyticsStatementSource(sp.GetRequiredService<IStatementStore>()));
        services.TryAddSingleton<Xapi.IXapiDocumentStore>(sp => sp.GetService<NpgsqlDataSource>() is { } dataSource ? new Xapi.PostgresXapiDocumentStore(dataSource) : new Xapi.MemoryXapiDocumentStore());
        services.AddModelCatalog(configuration);
        Accounts.AccountServiceCollectionExtensions.AddMoocAccountServices(services, configuration);
        services.AddOptions<Planning.LearnerPlanOptions>().Bind(configuration.GetSection(Planning.LearnerPlanOptions.Section));
        return services;
    }
}
