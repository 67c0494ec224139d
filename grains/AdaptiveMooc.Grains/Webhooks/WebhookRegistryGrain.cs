using AdaptiveMooc.Grains.Abstractions.Webhooks;
using AdaptiveMooc.Grains.Notifications;

namespace AdaptiveMooc.Grains.Webhooks;

/// <summary>
/// One owner's webhooks. The subscriptions table is their only copy (the delivery worker reads the url and
/// secret there); this grain is its only writer for the owner, one call at a time, so the count it checks
/// is the count it writes against.
/// </summary>
[GrainType("webhook-registry")]
internal sealed class WebhookRegistryGrain(IWebhookStore store, WebhookWakeup wakeup, TimeProvider clock) : Grain, IWebhookRegistryGrain
{
    public async Task<WebhookCreated?> CreateAsync(Uri url, IReadOnlyList<string> events)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(events);
        var owner = this.GetPrimaryKeyString();
        if (await store.CountAsync(owner) >= WebhookLimits.MaxPerOwner)
        {
            return null;
        }

        var subscription = new WebhookSubscription(
            Guid.CreateVersion7(), owner, url.AbsoluteUri, [.. events.Distinct(StringComparer.Ordinal)], WebhookSignature.NewSecret(), clock.GetUtcNow());
        await store.AddAsync(subscription);
        var view = new WebhookView(subscription.Id, owner, subscription.Url, subscription.Events, subscription.CreatedAt, 0, 0, 0, []);
        return new WebhookCreated(view, subscription.Secret);
    }

    public Task<bool> DeleteAsync(Guid webhookId) => store.DeleteAsync(this.GetPrimaryKeyString(), webhookId, clock.GetUtcNow());

    public async Task<Guid?> PingAsync(Guid webhookId)
    {
        var now = clock.GetUtcNow();
        var ping = new WebhookEvent(Guid.CreateVersion7(), WebhookEventTypes.Ping, now, string.Empty, string.Empty, "A test delivery asked for by the webhook's owner.", null);
        if (!await store.EnqueueForAsync(this.GetPrimaryKeyString(), webhookId, ping, WebhookPayload.Serialize(ping), now))
        {
            return null;
        }

        wakeup.Pulse();
        return ping.Id;
    }
}
