namespace AdaptiveMooc.Grains.Abstractions.Webhooks;

/// <summary>A new webhook with its signing secret: the only time the secret leaves the platform.</summary>
[GenerateSerializer]
[Alias("mooc.webhook.created")]
public sealed record WebhookCreated(
    [property: Id(0)] WebhookView Webhook,
    [property: Id(1)] string Secret);
