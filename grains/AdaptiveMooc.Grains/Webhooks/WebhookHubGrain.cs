using AdaptiveMooc.Grains.Abstractions.Webhooks;
using Orleans.Concurrency;

namespace AdaptiveMooc.Grains.Webhooks;

[StatelessWorker]
[GrainType("webhook-hub")]
internal sealed class WebhookHubGrain(IWebhookStore store, WebhookWakeup wakeup, TimeProvider clock) : Grain, IWebhookHubGrain
{
    public async Task<int> PublishAsync(WebhookEvent webhookEvent)
    {
        ArgumentNullException.ThrowIfNull(webhookEvent);
        var queued = await store.EnqueueAsync(webhookEvent, WebhookPayload.Serialize(webhookEvent), clock.GetUtcNow());
        if (queued > 0)
        {
            wakeup.Pulse();
        }

        return queued;
    }

    public Task<IReadOnlyList<WebhookView>> ListAsync(string? owner, Guid? after, int limit) =>
        store.ListAsync(owner, after, Math.Clamp(limit, 1, 500));

    public Task<WebhookView?> GetAsync(string? owner, Guid webhookId) => store.GetAsync(owner, webhookId);
}
