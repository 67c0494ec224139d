using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace AdaptiveMooc.Grains.Accounts;

public static class AccountServiceCollectionExtensions
{
    /// <summary>
    /// The outbox, export store and eraser the account grains use: PostgreSQL when the silo registered an
    /// <see cref="NpgsqlDataSource"/>, memory otherwise. Mail options from <c>Mooc:Mail</c>, the server from
    /// <c>Mooc:Smtp</c> or <c>MOOC_SMTP</c>.
    /// </summary>
    public static IServiceCollection AddMoocAccountServices(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<MailOptions>().Bind(configuration.GetSection(MailOptions.Section)).PostConfigure(o =>
        {
            var smtp = configuration["Mooc:Smtp"] is { Length: > 0 } configured ? configured : configuration["MOOC_SMTP"];
            if (!string.IsNullOrWhiteSpace(smtp))
            {
                o.Smtp = Uri.TryCreate(smtp, UriKind.Absolute, out var uri) && uri.Scheme is "smtp" or "smtps"
                    ? uri
                    : throw new InvalidOperationException("Mooc:Smtp / MOOC_SMTP must read smtp://[user:password@]host:port or smtps://...");
            }

            o.PublicBaseUrl = configuration["Mooc:PublicBaseUrl"] is { Length: > 0 } publicBase ? publicBase : o.PublicBaseUrl;
        });
        services.TryAddSingleton<IMailOutbox>(sp =>
        {
            IMailOutbox outbox = sp.GetService<NpgsqlDataSource>() is { } dataSource ? new PostgresMailOutbox(dataSource) : new MemoryMailOutbox();
            GrainMetrics.TrackOutbox("mail", outbox.PendingCountAsync);
            return outbox;
        });
        services.TryAddSingleton<IExportStore>(sp => sp.GetService<NpgsqlDataSource>() is { } dataSource
            ? new PostgresExportStore(dataSource)
            : new MemoryExportStore());
        services.TryAddSingleton<IPersonalDataEraser>(sp => sp.GetService<NpgsqlDataSource>() is { } dataSource
            ? new PostgresPersonalDataEraser(dataSource)
            : new StoreEraser());
        return services;
    }

    /// <summary>The SMTP dispatcher (silo processes only; in-process test clusters send nothing).</summary>
    public static IServiceCollection AddMoocMailDispatcher(this IServiceCollection services)
    {
        services.AddHostedService<MailDispatcher>();
        return services;
    }
}
