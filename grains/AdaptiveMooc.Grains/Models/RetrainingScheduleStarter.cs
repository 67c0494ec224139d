using AdaptiveMooc.Grains.Abstractions.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AdaptiveMooc.Grains.Models;

/// <summary>
/// Once the silo has started, asks the retraining grain to register (or remove) its reminder, so the
/// schedule follows <c>Mooc:Retraining</c> without anyone calling it. Every silo asks; the grain is one.
/// </summary>
internal sealed class RetrainingScheduleStarter(
    IServiceProvider services, IHostApplicationLifetime lifetime, ILogger<RetrainingScheduleStarter> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (services.GetService<NpgsqlDataSource>() is null)
        {
            return;
        }

        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        for (var attempt = 1; attempt <= 5 && !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await services.GetRequiredService<IGrainFactory>().GetGrain<IModelRetrainingGrain>(0).EnsureSchedule();
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Retraining: registering the schedule failed (attempt {Attempt} of 5)", attempt);
                await Task.Delay(TimeSpan.FromSeconds(5 * attempt), stoppingToken);
            }
        }
    }
}
