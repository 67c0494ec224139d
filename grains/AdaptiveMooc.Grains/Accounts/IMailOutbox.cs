namespace AdaptiveMooc.Grains.Accounts;

/// <summary>The durable outbox behind <see cref="Abstractions.Accounts.IMailerGrain"/> and <see cref="MailDispatcher"/>.</summary>
public interface IMailOutbox
{
    /// <summary>Stores the mail unless its dedupe key is there already; true when this call stored it.</summary>
    Task<bool> EnqueueAsync(OutboxMail mail, CancellationToken cancellationToken);

    /// <summary>Takes up to <paramref name="max"/> due mails for <paramref name="lease"/>: nobody else gets them meanwhile.</summary>
    Task<IReadOnlyList<OutboxMail>> ClaimAsync(int max, TimeSpan lease, DateTimeOffset now, CancellationToken cancellationToken);

    Task MarkSentAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Records a failed attempt; the mail is tried again at <paramref name="retryAt"/>, or never when null.</summary>
    Task MarkFailedAsync(Guid id, string error, DateTimeOffset? retryAt, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Unsent mails of the account are dropped; sent ones keep their id and dedupe key only.</summary>
    Task EraseAccountAsync(string accountKind, string accountId, CancellationToken cancellationToken);

    /// <summary>Mails neither sent nor abandoned (the outbox depth metric).</summary>
    Task<long> PendingCountAsync(CancellationToken cancellationToken);

    /// <summary>The account's mails, oldest first (the data export).</summary>
    Task<IReadOnlyList<OutboxMail>> ListAccountAsync(string accountKind, string accountId, CancellationToken cancellationToken);
}
