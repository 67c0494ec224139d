using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AdaptiveMooc.Grains.LrsForwarding;

/// <summary>
/// Runs the forwarder in exactly one silo of the cluster: the one holding the lease, a session-level
/// PostgreSQL advisory lock on a connection this service keeps open. A silo that dies (even by SIGKILL)
/// drops its connection and with it the lease; another silo takes it within
/// <see cref="LrsForwardingOptions.LeaseRetry"/> and resumes from the durable cursors.
/// </summary>
internal sealed partial class LrsForwardingService(
    NpgsqlDataSource dataSource, LrsForwardingStore store, LrsForwarder forwarder, IOptions<LrsForwardingOptions> options,
    ILogger<LrsForwardingService> logger) : BackgroundService
{
    // Advisory-lock key of the forwarding lease (namespace 1014; the statement log's per-learner locks use 1010).
    private const int LeaseNamespace = 1014;

    private readonly LrsForwardingOptions settings = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Enabled)
        {
            LogDisabled(logger);
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var lease = await dataSource.OpenConnectionAsync(stoppingToken);
                if (await TryLockAsync(lease, "SELECT pg_try_advisory_lock($1, 0)", stoppingToken))
                {
                    LogLeaseTaken(logger);
                    await ForwardWhileLeasedAsync(lease, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // The database may be restarting, or the lease connection broke: the cursors are durable, the
                // next holder of the lease (this silo or another) resumes from them.
                LogRoundFailed(logger, exception);
            }

            await Task.Delay(settings.LeaseRetry, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task ForwardWhileLeasedAsync(NpgsqlConnection lease, CancellationToken stoppingToken)
    {
        var horizon = new StableHorizon(store);
        // Listening before the first look at the targets: an addition committed after that look wakes the wait below.
        await using (var listen = new NpgsqlCommand($"LISTEN {LrsForwardingStore.TargetsChannel}", lease))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            // Still holding the lease: the lock lives as long as this session, so a query on it proves both.
            await TryLockAsync(lease, "SELECT $1 > 0", stoppingToken);
            var targets = await store.TargetsAsync(stoppingToken);
            var more = false;
            if (targets.Count > 0)
            {
                var stable = await horizon.ObserveAsync(stoppingToken);
                more = await forwarder.ForwardAsync(targets, stable, stoppingToken);
            }

            if (targets.Count == 0)
            {
                // Nothing to forward to: sleep until a target is added (NOTIFY) or IdlePollInterval passes.
                await lease.WaitAsync(settings.IdlePollInterval, stoppingToken);
            }
            else if (!more)
            {
                await Task.Delay(settings.PollInterval, stoppingToken);
            }
        }
    }

    private static async Task<bool> TryLockAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = LeaseNamespace });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "LRS forwarding is off in this silo (Mooc:LrsForwarding:Enabled=false).")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "This silo holds the LRS forwarding lease and forwards statements.")]
    private static partial void LogLeaseTaken(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "LRS forwarding round failed; retrying.")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
