using AdaptiveMooc.Grains.Abstractions.Accounts;
using AdaptiveMooc.Grains.Abstractions.Common;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace AdaptiveMooc.Grains.Accounts;

/// <summary>
/// Stateless entry of the outbox: preferences, the unsubscribe link, then one durable insert. The outbox row's
/// id is derived from the dedupe key, so the Message-Id of an event's mail is the same whoever queues it.
/// </summary>
[StatelessWorker]
[GrainType("mailer")]
internal sealed class MailerGrain(IMailOutbox outbox, IOptions<MailOptions> options, TimeProvider clock) : Grain, IMailerGrain
{
    private byte[]? key;

    public async Task<bool> Enqueue(OutgoingMail mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        string? unsubscribe = null;
        var body = mail.Text;
        if (mail.Category != MailCategories.Account)
        {
            var optedOut = await GrainFactory.ByKey<IMailPreferencesGrain>(AccountKeys.Of(mail.AccountKind, mail.AccountId)).GetOptedOut();
            if (optedOut.Contains(mail.Category))
            {
                return false;
            }

            var token = UnsubscribeTokens.Create(await Key(), new UnsubscribeRequest(mail.AccountKind, mail.AccountId, mail.Category));
            var o = options.Value;
            unsubscribe = $"{o.PublicBaseUrl.TrimEnd('/')}/api/mail/unsubscribe?token={Uri.EscapeDataString(token)}";
            body += $"\n\n--\nStop these mails ({mail.Category}): {o.WebBaseUrl.TrimEnd('/')}/unsubscribe?token={Uri.EscapeDataString(token)}" +
                $"\nAll your mail settings: {o.WebBaseUrl.TrimEnd('/')}/account/mail";
        }

        await outbox.EnqueueAsync(
            new OutboxMail(
                IdOf(mail.DedupeKey), mail.DedupeKey, mail.AccountKind, mail.AccountId, mail.ToAddress, mail.ToName,
                mail.Category, mail.Subject, body, unsubscribe, clock.GetUtcNow(), 0, null),
            CancellationToken.None);
        return true;
    }

    public Task EraseAccount(string accountKind, string accountId) => outbox.EraseAccountAsync(accountKind, accountId, CancellationToken.None);

    public async Task<UnsubscribeRequest?> ReadUnsubscribeToken(string token) => UnsubscribeTokens.Read(await Key(), token);

    /// <summary>A name-based UUID (SHA-256 of the key, version bits set), stable for one dedupe key.</summary>
    internal static Guid IdOf(string dedupeKey)
    {
        var bytes = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("mail:" + dedupeKey))[..16];
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    private async Task<byte[]> Key() => key ??= await GrainFactory.ByKey<IMailSigningGrain>(IMailSigningGrain.Key).GetKey();
}
