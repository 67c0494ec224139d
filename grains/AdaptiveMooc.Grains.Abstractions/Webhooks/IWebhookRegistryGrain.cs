namespace AdaptiveMooc.Grains.Abstractions.Webhooks;

/// <summary>
/// The webhooks of one owner (key: <c>key:{apiKeyId}</c> or <c>admin</c>): the only writer of that
/// owner's subscriptions, one call at a time, which keeps the <see cref="WebhookLimits.MaxPerOwner"/>
/// bound exact.
/// </summary>
[Alias("mooc.webhook.IWebhookRegistryGrain")]
public interface IWebhookRegistryGrain : IGrainWithStringKey
{
    /// <summary>Null when the owner already holds <see cref="WebhookLimits.MaxPerOwner"/> webhooks.</summary>
    [Alias("Create")]
    Task<WebhookCreated?> CreateAsync(Uri url, IReadOnlyList<string> events);

    /// <summary>False when this owner has no such webhook. Pending deliveries are dropped.</summary>
    [Alias("Delete")]
    Task<bool> DeleteAsync(Guid webhookId);

    /// <summary>Queues a <c>ping</c> event for the webhook; its event id, or null when this owner has no such webhook.</summary>
    [Alias("Ping")]
    Task<Guid?> PingAsync(Guid webhookId);
}
