namespace AdaptiveMooc.Grains.Webhooks;

/// <summary>A webhook as stored: with its secret, which deliveries are signed with.</summary>
internal sealed record WebhookSubscription(
    Guid Id, string Owner, string Url, IReadOnlyList<string> Events, string Secret, DateTimeOffset CreatedAt);
