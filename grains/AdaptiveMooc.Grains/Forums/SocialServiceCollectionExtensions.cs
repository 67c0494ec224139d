using AdaptiveMooc.Grains.Certificates;
using AdaptiveMooc.Grains.Forums;
using AdaptiveMooc.Grains.Webinars;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Microsoft.Extensions.DependencyInjection;

// In the DI namespace, as registration extensions conventionally are, so Program.cs needs no using.
public static class SocialServiceCollectionExtensions
{
    /// <summary>
    /// Services of the forum, webinar and certificate grains. The stores use PostgreSQL when the silo
    /// registers an <see cref="NpgsqlDataSource"/>, memory otherwise (<c>--memory</c>); certificates
    /// are signed with the key at <c>Mooc:Certificates:SigningKeyPath</c>.
    /// </summary>
    public static IServiceCollection AddSocialGrains(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<CertificateOptions>()
            .BindConfiguration(CertificateOptions.Section)
            .PostConfigure<Microsoft.Extensions.Configuration.IConfiguration>((options, configuration) =>
            {
                var baseUrl = configuration["Mooc:PublicBaseUrl"];
                if (!string.IsNullOrWhiteSpace(baseUrl))
                {
                    options.PublicBaseUrl = baseUrl;
                }
            });
        services.TryAddSingleton<CertificateSigningKey>();
        services.TryAddSingleton<ILearningStatementSink, IngestStatementSink>();
        services.TryAddSingleton<IForumStore>(sp => sp.GetService<NpgsqlDataSource>() is { } db
            ? new PostgresForumStore(db)
            : InMemory<MemoryForumStore>(sp, "forum"));
        services.TryAddSingleton<IWebinarStore>(sp => sp.GetService<NpgsqlDataSource>() is { } db
            ? new PostgresWebinarStore(db)
            : InMemory<MemoryWebinarStore>(sp, "webinar"));
        return services;
    }

    private static T InMemory<T>(IServiceProvider services, string what)
        where T : new()
    {
        services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SocialServiceCollectionExtensions))
            .LogWarning("No PostgreSQL data source registered: the {Store} store keeps its rows in memory and loses them on restart.", what);
        return new T();
    }
}
