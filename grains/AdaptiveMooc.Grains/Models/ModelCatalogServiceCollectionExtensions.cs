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
