using AdaptiveMooc.Grains.Abstractions.Webhooks;

namespace AdaptiveMooc.Grains.Webhooks;

/// <summary>
/// Webhook subscriptions (written only by each owner's <see cref="WebhookRegistryGrain"/>) and the durable
/// outbox of deliveries: one row per (webhook, event id), pending until a 2xx marks it delivered or the
/// last attempt fails and marks it dead.
/// </summary>
internal interface IWebhookStore
{
    Task<int> CountAsync(string owner);

    /// <summary>Deliveries still pending across every webhook (the outbox depth metric).</summary>
    Task<long> PendingCountAsync();

    Task AddAsync(WebhookSubscription subscription);

    /// <summary>Removes the webhook and drops its pending deliveries; false when the owner has no such webhook.</summary>
    Task<bool> DeleteAsync(string owner, Guid webhookId, DateTimeOffset at);

    Task<IReadOnlyList<WebhookView>> ListAsync(string? owner, Guid? after, int limit);

    Task<WebhookView?> GetAsync(string? owner, Guid webhookId);

    /// <summary>Queues <paramref name="payload"/> for every live webhook subscribed to the event's type, once per event id.</summary>
    Task<int> EnqueueAsync(WebhookEvent webhookEvent, string payload, DateTimeOffset now);

    /// <summary>Queues <paramref name="payload"/> for one webhook of <paramref name="owner"/>; false when there is no such webhook.</summary>
    Task<bool> EnqueueForAsync(string owner, Guid webhookId, WebhookEvent webhookEvent, string payload, DateTimeOffset now);

    /// <summary>
    /// Takes up to <paramref name="max"/> pending deliveries due at <paramref name="now"/> that no one holds,
    /// counts the attempt, and holds them until <paramref name="now"/> + <paramref name="lease"/>: a process that
    /// dies mid-delivery lets them go when the lease ends.
    /// </summary>
    Task<IReadOnlyList<WebhookDelivery>> ClaimAsync(DateTimeOffset now, TimeSpan lease, int max);

    Task MarkDeliveredAsync(long deliveryId, DateTimeOffset at);

    /// <summary>Records a failed attempt: tried again at <paramref name="retryAt"/>, or dead when it is null.</summary>
    Task MarkFailedAsync(long deliveryId, string error, DateTimeOffset at, DateTimeOffset? retryAt);
}
