namespace AdaptiveMooc.Grains.Accounts;

/// <summary><see cref="IMailOutbox"/> in memory (<c>--memory</c> and grain tests): same rules, nothing survives the process.</summary>
public sealed class MemoryMailOutbox : IMailOutbox
{
    private readonly Lock gate = new();
    private readonly List<Row> rows = [];

    public Task<bool> EnqueueAsync(OutboxMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        lock (gate)
        {
            if (rows.Any(r => r.Mail.DedupeKey == mail.DedupeKey))
            {
                return Task.FromResult(false);
            }

            rows.Add(new Row { Mail = mail, NextAttemptAt = mail.CreatedAt });
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<OutboxMail>> ClaimAsync(int max, TimeSpan lease, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var due = rows.Where(r => r.Mail.SentAt is null && !r.Abandoned && r.NextAttemptAt <= now && (r.LeaseUntil is null || r.LeaseUntil < now))
                .OrderBy(r => r.NextAttemptAt).Take(max).ToList();
            foreach (var row in due)
            {
                row.LeaseUntil = now + lease;
                row.Mail = row.Mail with { Attempts = row.Mail.Attempts + 1 };
            }

            return Task.FromResult<IReadOnlyList<OutboxMail>>([.. due.Select(r => r.Mail)]);
        }
    }

    public Task MarkSentAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            foreach (var row in rows.Where(r => r.Mail.Id == id && r.Mail.SentAt is null))
            {
                row.Mail = row.Mail with { SentAt = at, Body = row.Mail.Category == Abstractions.Accounts.MailCategories.Account ? string.Empty : row.Mail.Body };
                row.LeaseUntil = null;
            }
        }

        return Task.CompletedTask;
    }

    public Task MarkFailedAsync(Guid id, string error, DateTimeOffset? retryAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            foreach (var row in rows.Where(r => r.Mail.Id == id && r.Mail.SentAt is null))
            {
                row.LeaseUntil = null;
                row.NextAttemptAt = retryAt ?? row.NextAttemptAt;
                row.Abandoned = retryAt is null;
            }
        }

        return Task.CompletedTask;
    }

    public Task EraseAccountAsync(string accountKind, string accountId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            rows.RemoveAll(r => r.Mail.AccountKind == accountKind && r.Mail.AccountId == accountId && r.Mail.SentAt is null);
            foreach (var row in rows.Where(r => r.Mail.AccountKind == accountKind && r.Mail.AccountId == accountId))
            {
                row.Mail = row.Mail with { ToAddress = string.Empty, ToName = string.Empty, Subject = string.Empty, Body = string.Empty, UnsubscribeUrl = null };
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<OutboxMail>> ListAccountAsync(string accountKind, string accountId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<OutboxMail>>(
                [.. rows.Where(r => r.Mail.AccountKind == accountKind && r.Mail.AccountId == accountId).Select(r => r.Mail)]);
        }
    }

    public Task<long> PendingCountAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult((long)rows.Count(r => r.Mail.SentAt is null && !r.Abandoned));
        }
    }

    private sealed class Row
    {
        public required OutboxMail Mail { get; set; }

        public DateTimeOffset NextAttemptAt { get; set; }

        public DateTimeOffset? LeaseUntil { get; set; }

        public bool Abandoned { get; set; }
    }
}
