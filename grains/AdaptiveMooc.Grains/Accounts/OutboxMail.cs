namespace AdaptiveMooc.Grains.Accounts;

/// <summary>One row of the mail outbox as the dispatcher sends it.</summary>
public sealed record OutboxMail(
    Guid Id,
    string DedupeKey,
    string AccountKind,
    string AccountId,
    string ToAddress,
    string ToName,
    string Category,
    string Subject,
    string Body,
    string? UnsubscribeUrl,
    DateTimeOffset CreatedAt,
    int Attempts,
    DateTimeOffset? SentAt);
