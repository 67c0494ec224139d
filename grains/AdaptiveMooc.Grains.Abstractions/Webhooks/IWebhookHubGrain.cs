using Orleans.Concurrency;

namespace AdaptiveMooc.Grains.Abstractions.Webhooks;

/// <summary>Fans events out to the durable outbox and reads the webhook listings (any key; a stateless worker).</summary>
[Alias("mooc.webhook.IWebhookHubGrain")]
public interface IWebhookHubGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Queues the event for every webhook subscribed to its type; an event id already queued for a webhook
    /// is not queued again. Returns how many deliveries were queued.
    /// </summary>
    [Alias("Publish")]
    Task<int> PublishAsync(WebhookEvent webhookEvent);

    /// <summary>Webhooks in id order after <paramref name="after"/>; every owner's when <paramref name="owner"/> is null.</summary>
    [ReadOnly]
    [Alias("List")]
    Task<IReadOnlyList<WebhookView>> ListAsync(string? owner, Guid? after, int limit);

    /// <summary>Null when there is no such webhook, or it belongs to another owner (<paramref name="owner"/> null: any).</summary>
    [ReadOnly]
    [Alias("Get")]
    Task<WebhookView?> GetAsync(string? owner, Guid webhookId);
}
