namespace AdaptiveMooc.Grains.Abstractions.Accounts;

/// <summary>
/// A mail to put in the outbox. <see cref="DedupeKey"/> names the event it tells about (a notification id,
/// a token digest): the same key is queued once, so a retried caller never doubles a mail.
/// <see cref="AccountKind"/> and <see cref="AccountId"/> name the recipient's account (preferences,
/// unsubscribe link, erasure at account deletion).
/// </summary>
[GenerateSerializer]
[Alias("mooc.accounts.OutgoingMail")]
public sealed record OutgoingMail(
    [property: Id(0)] string DedupeKey,
    [property: Id(1)] string AccountKind,
    [property: Id(2)] string AccountId,
    [property: Id(3)] string ToAddress,
    [property: Id(4)] string ToName,
    [property: Id(5)] string Category,
    [property: Id(6)] string Subject,
    [property: Id(7)] string Text);
