using AdaptiveMooc.Grains.Abstractions.Accounts;
using AdaptiveMooc.Grains.Abstractions.Learners;
using AdaptiveMooc.Grains.Abstractions.Security;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace AdaptiveMooc.Grains.Accounts;

/// <summary>
/// Sends the outbox over SMTP with MailKit, in every silo: claims due mails with a lease, sends each with
/// Message-Id <c>&lt;{outbox id}@{domain}&gt;</c>, then marks it sent. A crash after sending and before the
/// mark leaves the lease to expire and the mail is sent again with the same Message-Id (receivers and
/// smtp4dev see one message id); a crash before sending loses nothing. Failures retry with a growing delay.
/// </summary>
public sealed partial class MailDispatcher(
    IMailOutbox outbox, IGrainFactory grains, IOptions<MailOptions> options, TimeProvider clock, ILogger<MailDispatcher> logger)
    : BackgroundService
{
    private const int Batch = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (o.Smtp is null)
        {
            LogNoServer(logger);
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var sent = 0;
            try
            {
                sent = await DispatchOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogDispatchFailed(logger, e);
            }

            if (sent < Batch)
            {
                try
                {
                    await Task.Delay(o.PollInterval, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>One round: claims, sends and marks up to one batch; answers how many were claimed.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var due = await outbox.ClaimAsync(Batch, o.Lease, clock.GetUtcNow(), cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        using var smtp = new SmtpClient();
        try
        {
            await ConnectAsync(smtp, o.Smtp!, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            foreach (var mail in due)
            {
                await FailedAsync(mail, e, cancellationToken);
            }

            return due.Count;
        }

        foreach (var claimed in due)
        {
            var mail = claimed;
            if (mail.ToAddress.Length == 0)
            {
                // Notification mail goes to the account's address as it is now; a deleted account gets none.
                if (await AccountAsync(mail) is not { } account)
                {
                    await outbox.MarkFailedAsync(mail.Id, "the account no longer exists", null, clock.GetUtcNow(), cancellationToken);
                    continue;
                }

                mail = mail with { ToAddress = account.Email, ToName = account.Name };
            }

            try
            {
                await smtp.SendAsync(ToMessage(mail, o), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await FailedAsync(mail, e, cancellationToken);
                continue;
            }

            await outbox.MarkSentAsync(mail.Id, clock.GetUtcNow(), cancellationToken);
        }

        await smtp.DisconnectAsync(quit: true, cancellationToken);
        return due.Count;
    }

    public static MimeMessage ToMessage(OutboxMail mail, MailOptions options)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentNullException.ThrowIfNull(options);
        var message = new MimeMessage
        {
            MessageId = $"{mail.Id:N}@{options.MessageIdDomain}",
            Subject = mail.Subject,
            Date = mail.CreatedAt,
            Body = new TextPart("plain") { Text = mail.Body },
        };
        message.From.Add(MailboxAddress.Parse(options.From));
        message.To.Add(new MailboxAddress(mail.ToName, mail.ToAddress));
        if (mail.UnsubscribeUrl is { } unsubscribe)
        {
            message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        return message;
    }

    private Task<AccountView?> AccountAsync(OutboxMail mail) => mail.AccountKind switch
    {
        EmailOwner.Learner => grains.GetGrain<ILearnerGrain>(mail.AccountId).GetAccount(),
        EmailOwner.Trainer => grains.GetGrain<ITrainerGrain>(mail.AccountId).GetAccount(),
        _ => Task.FromResult<AccountView?>(null),
    };

    private static async Task ConnectAsync(SmtpClient smtp, Uri server, CancellationToken cancellationToken)
    {
        var tls = string.Equals(server.Scheme, "smtps", StringComparison.OrdinalIgnoreCase);
        var port = server.IsDefaultPort || server.Port <= 0 ? (tls ? 465 : 25) : server.Port;
        await smtp.ConnectAsync(server.Host, port, tls ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable, cancellationToken);
        if (server.UserInfo is { Length: > 0 } userInfo)
        {
            var parts = userInfo.Split(':', 2);
            await smtp.AuthenticateAsync(Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : string.Empty, cancellationToken);
        }
    }

    private Task FailedAsync(OutboxMail mail, Exception error, CancellationToken cancellationToken)
    {
        LogSendFailed(logger, mail.Id, mail.Attempts, error.Message);
        var o = options.Value;
        DateTimeOffset? retryAt = mail.Attempts >= o.MaxAttempts
            ? null
            : clock.GetUtcNow() + TimeSpan.FromSeconds(Math.Min(3600, 5 * Math.Pow(3, mail.Attempts - 1)));
        return outbox.MarkFailedAsync(mail.Id, error.Message, retryAt, clock.GetUtcNow(), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "mail: no SMTP server configured (Mooc:Smtp or MOOC_SMTP); mails stay in the outbox.")]
    private static partial void LogNoServer(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "mail: a dispatch round failed.")]
    private static partial void LogDispatchFailed(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "mail: sending {Id} failed (attempt {Attempts}): {Error}")]
    private static partial void LogSendFailed(ILogger logger, Guid id, int attempts, string error);
}
