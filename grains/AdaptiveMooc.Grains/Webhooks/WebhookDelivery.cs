namespace AdaptiveMooc.Grains.Webhooks;

/// <summary>One claimed delivery: an event for one webhook, with everything needed to send it.</summary>
/// <param name="Attempt">The number of this attempt (1 for the first).</param>
/// <param name="Payload">The JSON body, fixed when the event was queued: every attempt sends the same bytes.</param>
internal sealed record WebhookDelivery(
    long Id, Guid WebhookId, string Owner, string Url, string Secret, Guid EventId, string EventType, string Payload, int Attempt);
