using AdaptiveMooc.Grains.LrsForwarding;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Microsoft.Extensions.DependencyInjection;

// In the DI namespace, as registration extensions conventionally are, so Program.cs needs no using.
public static class LrsForwardingServiceCollectionExtensions
{
    /// <summary>
    /// Forwarding of stored statements to outside LRSs (<c>Mooc:LrsForwarding</c>, docs/XAPI.md "Forwarding").
    /// Needs the silo's <see cref="NpgsqlDataSource"/>; in memory mode the grain answers "unavailable" and
    /// no forwarder runs.
    /// </summary>
    public static IServiceCollection AddLrsForwarding(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<LrsForwardingOptions>()
            .BindConfiguration(LrsForwardingOptions.Section)
            .Validate(o => o.BatchSize is >= 1 and <= 1000 && o.MaxBatchBytes >= 1024 && o.MaxAttempts >= 1, "Mooc:LrsForwarding: BatchSize 1-1000, MaxBatchBytes >= 1024, MaxAttempts >= 1.")
            .Validate(o => o.PollInterval > TimeSpan.Zero && o.IdlePollInterval > TimeSpan.Zero && o.LeaseRetry > TimeSpan.Zero && o.Timeout > TimeSpan.Zero, "Mooc:LrsForwarding: PollInterval, IdlePollInterval, LeaseRetry and Timeout must be positive.")
            .Validate(o => o.FirstRetry > TimeSpan.Zero && o.LongestRetry >= o.FirstRetry, "Mooc:LrsForwarding: FirstRetry must be positive and at most LongestRetry.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.KeyPath), "Mooc:LrsForwarding:KeyPath is required.")
            .ValidateOnStart();
        services.TryAddSingleton<LrsSecretProtector>();
        services.TryAddSingleton(sp => sp.GetService<NpgsqlDataSource>() is { } db ? new LrsForwardingStore(db) : null!);
        services.TryAddSingleton(sp => new LrsForwarder(
            sp.GetRequiredService<LrsForwardingStore>(),
            sp.GetRequiredService<LrsSecretProtector>(),
            new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan },
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<LrsForwardingOptions>>(),
            sp.GetRequiredService<ILogger<LrsForwarder>>()));
        services.AddSingleton<IHostedService>(sp => sp.GetService<NpgsqlDataSource>() is { } db
            ? new LrsForwardingService(
                db, sp.GetRequiredService<LrsForwardingStore>(), sp.GetRequiredService<LrsForwarder>(),
                sp.GetRequiredService<IOptions<LrsForwardingOptions>>(), sp.GetRequiredService<ILogger<LrsForwardingService>>())
            : new NoForwarding());
        return services;
    }

    private sealed class NoForwarding : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
