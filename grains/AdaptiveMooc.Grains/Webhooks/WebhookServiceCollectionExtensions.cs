using AdaptiveMooc.Grains.Webhooks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Microsoft.Extensions.DependencyInjection;

// In the DI namespace, as registration extensions conventionally are, so Program.cs needs no using.
public static class WebhookServiceCollectionExtensions
{
    /// <summary>
    /// Webhook grains and this silo's delivery worker (<c>Mooc:Webhooks</c> options). The outbox is
    /// PostgreSQL when the silo registers an <see cref="NpgsqlDataSource"/>, memory otherwise (<c>--memory</c>).
    /// </summary>
    public static IServiceCollection AddWebhookGrains(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<WebhookOptions>()
            .BindConfiguration(WebhookOptions.Section)
            .Validate(o => o.Timeout > TimeSpan.Zero && o.Lease > o.Timeout, "Mooc:Webhooks: Lease must be longer than Timeout.")
            .Validate(o => o.MaxAttempts >= 1 && o.BatchSize >= 1 && o.PollInterval > TimeSpan.Zero, "Mooc:Webhooks: MaxAttempts, BatchSize and PollInterval must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton<IWebhookStore>(sp =>
        {
            if (sp.GetService<NpgsqlDataSource>() is { } db)
            {
                return new PostgresWebhookStore(db);
            }

            sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WebhookServiceCollectionExtensions))
                .LogWarning("No PostgreSQL data source registered: the webhook outbox is in memory and loses queued deliveries on restart.");
            return new MemoryWebhookStore();
        });
        services.TryAddSingleton<WebhookWakeup>();
        services.TryAddSingleton<IWebhookOwners, GrainWebhookOwners>();
        services.TryAddSingleton(sp => new WebhookDispatcher(
            TrackedOutbox(sp.GetRequiredService<IWebhookStore>()),
            sp.GetRequiredService<IWebhookOwners>(),
            new HttpClient(WebhookConnector.CreateHandler(sp.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowLoopback))
            {
                Timeout = Timeout.InfiniteTimeSpan,
            },
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<WebhookOptions>>(),
            sp.GetRequiredService<ILogger<WebhookDispatcher>>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, WebhookDeliveryService>());
        return services;
    }

    /// <summary>The dispatcher's store, whose pending deliveries <c>mooc.outbox.depth{outbox="webhooks"}</c> reports.</summary>
    private static IWebhookStore TrackedOutbox(IWebhookStore store)
    {
        AdaptiveMooc.Grains.GrainMetrics.TrackOutbox("webhooks", _ => store.PendingCountAsync());
        return store;
    }
}
