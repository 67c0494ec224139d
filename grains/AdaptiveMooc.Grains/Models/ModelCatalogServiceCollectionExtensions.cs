using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AdaptiveMooc.Grains.Models;

public static class ModelCatalogServiceCollectionExtensions
{
    /// <summary>
    /// The silo's <see cref="IModelCatalog"/>: <see cref="ModelCatalog"/> on <c>Mooc:Models</c>, loaded when
    /// the host starts and polled afterwards. Does nothing if a catalog is already registered (e.g. by
    /// <see cref="AddModelCatalog(IServiceCollection, ModelSet)"/> in a test).
    /// </summary>
    public static IServiceCollection AddModelCatalog(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(IModelCatalog)))
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<ModelCatalogOptions>().Bind(configuration.GetSection(ModelCatalogOptions.Section));
        services.AddSingleton<ModelCatalog>();
        services.AddSingleton<IModelCatalog>(sp => sp.GetRequiredService<ModelCatalog>());
        services.AddHostedService(sp => sp.GetRequiredService<ModelCatalog>());

        // The retraining loop: registry (with a database), the follower switching this silo to the newest
        // serving set, the run service and the schedule (docs/OPERATIONS.md, "Retraining").
        services.AddOptions<ModelRetrainingOptions>().Bind(configuration.GetSection(ModelRetrainingOptions.Section))
            .Validate(o => o.IntervalHours >= 1.0 / 60 && o.TestWeeks is >= 1 and <= 52 && o.Tolerance is >= 0 and < 1 && o.PollSeconds > 0,
                "Mooc:Retraining: IntervalHours >= 1/60, TestWeeks 1-52, Tolerance in [0, 1), PollSeconds > 0")
            .ValidateOnStart();
        services.TryAddSingleton(sp => sp.GetService<Npgsql.NpgsqlDataSource>() is { } db ? new ModelRegistry(db, sp.GetRequiredService<TimeProvider>()) : null!);
        services.AddSingleton<ModelSetFollower>();
        services.AddHostedService(sp => sp.GetRequiredService<ModelSetFollower>());
        services.AddSingleton<ModelRetrainingService>();
        services.AddHostedService<RetrainingScheduleStarter>();
        return services;
    }

    /// <summary>Serves <paramref name="set"/> and nothing else (in-memory models for tests).</summary>
    public static IServiceCollection AddModelCatalog(this IServiceCollection services, ModelSet set)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(set);
        services.RemoveAll<IModelCatalog>();
        services.AddSingleton<IModelCatalog>(new FixedModelCatalog(set));
        return services;
    }
}
