namespace AdaptiveMooc.Grains.Abstractions.Webhooks;

/// <summary>A registered webhook as its owner sees it (never with its secret) and its delivery counts.</summary>
[GenerateSerializer]
[Alias("mooc.webhook.view")]
public sealed record WebhookView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Owner,
    [property: Id(2)] string Url,
    [property: Id(3)] IReadOnlyList<string> Events,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] int Pending,
    [property: Id(6)] int Delivered,
    [property: Id(7)] int DeadLettered,
    [property: Id(8)] IReadOnlyList<WebhookDeadLetter> DeadLetters);
