using Orleans.Concurrency;

namespace AdaptiveMooc.Grains.Abstractions.Accounts;

/// <summary>
/// The one way in to the durable mail outbox. Checks the recipient's preferences, adds the unsubscribe link
/// to optional mail, and stores the mail before answering; the silo's dispatcher sends it later over SMTP.
/// </summary>
[Alias("mooc.accounts.IMailerGrain")]
public interface IMailerGrain : IGrainWithIntegerKey
{
    /// <summary>True when queued (or already queued under the same dedupe key); false when the person switched that category off.</summary>
    [Alias("Enqueue")]
    Task<bool> Enqueue(OutgoingMail mail);

    /// <summary>Erases the person's mails from the outbox: unsent ones are dropped, sent ones keep only their dedupe key.</summary>
    [Alias("EraseAccount")]
    Task EraseAccount(string accountKind, string accountId);

    /// <summary>Checks an unsubscribe token; the account and category it names, or null when forged.</summary>
    [Alias("ReadUnsubscribeToken")]
    Task<UnsubscribeRequest?> ReadUnsubscribeToken(string token);
}
