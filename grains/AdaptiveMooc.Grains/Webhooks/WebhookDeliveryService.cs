using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdaptiveMooc.Grains.Webhooks;

/// <summary>
/// The silo's delivery worker: drains due deliveries, then sleeps until an event is queued in this silo or
/// the poll interval passes (deliveries queued by other silos, retries coming due). Every silo runs one;
/// the outbox claim keeps them from sending the same delivery twice.
/// </summary>
internal sealed class WebhookDeliveryService(
    WebhookDispatcher dispatcher, WebhookWakeup wakeup, IOptions<WebhookOptions> options, ILogger<WebhookDeliveryService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.DeliveryEnabled)
        {
            logger.LogInformation("Webhook delivery is off in this silo (Mooc:Webhooks:DeliveryEnabled=false).");
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await dispatcher.DeliverDueAsync(stoppingToken) >= settings.BatchSize)
                {
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The database may be restarting: the deliveries stay queued, the next poll tries again.
                logger.LogError(e, "Webhook delivery failed; retrying at the next poll.");
            }

            await wakeup.WaitAsync(settings.PollInterval, stoppingToken);
        }
    }
}
