namespace AdaptiveMooc.Grains.Abstractions.Webhooks;

/// <summary>A delivery abandoned after its last attempt.</summary>
[GenerateSerializer]
[Alias("mooc.webhook.dead-letter")]
public sealed record WebhookDeadLetter(
    [property: Id(0)] Guid EventId,
    [property: Id(1)] string Type,
    [property: Id(2)] int Attempts,
    [property: Id(3)] string? LastError,
    [property: Id(4)] DateTimeOffset? LastAttemptAt);
