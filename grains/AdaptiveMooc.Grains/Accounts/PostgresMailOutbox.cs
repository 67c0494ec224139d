using Npgsql;
using NpgsqlTypes;

namespace AdaptiveMooc.Grains.Accounts;

/// <summary><see cref="IMailOutbox"/> on table <c>mail_outbox</c> (migration 0075_accounts_mail.sql).</summary>
public sealed class PostgresMailOutbox(NpgsqlDataSource dataSource) : IMailOutbox
{
    private const string Columns =
        "id, dedupe_key, account_kind, account_id, to_address, to_name, category, subject, body, unsubscribe_url, created_at, attempts, sent_at";

    public async Task<long> PendingCountAsync(CancellationToken cancellationToken)
    {
        // Answered from the partial index mail_outbox_due (unsent and not abandoned).
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM mail_outbox WHERE sent_at IS NULL AND abandoned_at IS NULL");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<bool> EnqueueAsync(OutboxMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        await using var command = dataSource.CreateCommand(
            "INSERT INTO mail_outbox (id, dedupe_key, account_kind, account_id, to_address, to_name, category, subject, body, unsubscribe_url, created_at, next_attempt_at) " +
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) ON CONFLICT (dedupe_key) DO NOTHING");
        command.Parameters.Add(new NpgsqlParameter { Value = mail.Id });
        command.Parameters.Add(new NpgsqlParameter { Value = mail.DedupeKey });
        command.Parameters.Add(new NpgsqlParameter { Value = mail.AccountKind });
        command.Parameters.Add(new NpgsqlParameter { Value = mail.AccountId });
        command.Parameters.Add(new NpgsqlParameter { Value = mail.ToAddress });
        command.Parameters.Add(new NpgsqlParameter { Value = mail.ToName });
        command.Parameters.Add(new NpgsqlParameter { Value = mail.Category });
        command.Parameters.Add(new NpgsqlParameter { Value = mail.Subject });
        command.Parameters.Add(new NpgsqlParameter { Value = mail.Body });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)mail.UnsubscribeUrl ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = mail.CreatedAt.UtcDateTime });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<IReadOnlyList<OutboxMail>> ClaimAsync(int max, TimeSpan lease, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE mail_outbox SET lease_until = $2, attempts = attempts + 1 WHERE id IN (" +
            "SELECT id FROM mail_outbox WHERE sent_at IS NULL AND abandoned_at IS NULL AND next_attempt_at <= $1 " +
            "AND (lease_until IS NULL OR lease_until < $1) ORDER BY next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED) " +
            "RETURNING " + Columns);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = now.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = (now + lease).UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { Value = max });
        return await ReadAsync(command, cancellationToken);
    }

    // An account mail carries a live token (reset, verification): once sent, its body is not kept.
    public async Task MarkSentAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("UPDATE mail_outbox SET sent_at = $2, lease_until = NULL, last_error = NULL, " +
            "body = CASE WHEN category = 'account' THEN '' ELSE body END WHERE id = $1 AND sent_at IS NULL");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = at.UtcDateTime });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task MarkFailedAsync(Guid id, string error, DateTimeOffset? retryAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE mail_outbox SET lease_until = NULL, last_error = $2, next_attempt_at = COALESCE($3, next_attempt_at), " +
            "abandoned_at = CASE WHEN $3 IS NULL THEN $4 ELSE NULL END WHERE id = $1 AND sent_at IS NULL");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        command.Parameters.Add(new NpgsqlParameter { Value = error.Length > 500 ? error[..500] : error });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = (object?)retryAt?.UtcDateTime ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = now.UtcDateTime });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task EraseAccountAsync(string accountKind, string accountId, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        var delete = new NpgsqlBatchCommand("DELETE FROM mail_outbox WHERE account_kind = $1 AND account_id = $2 AND sent_at IS NULL");
        delete.Parameters.Add(new NpgsqlParameter { Value = accountKind });
        delete.Parameters.Add(new NpgsqlParameter { Value = accountId });
        var scrub = new NpgsqlBatchCommand(
            "UPDATE mail_outbox SET to_address = '', to_name = '', subject = '', body = '', unsubscribe_url = NULL, last_error = NULL " +
            "WHERE account_kind = $1 AND account_id = $2");
        scrub.Parameters.Add(new NpgsqlParameter { Value = accountKind });
        scrub.Parameters.Add(new NpgsqlParameter { Value = accountId });
        batch.BatchCommands.Add(delete);
        batch.BatchCommands.Add(scrub);
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<OutboxMail>> ListAccountAsync(string accountKind, string accountId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT " + Columns + " FROM mail_outbox WHERE account_kind = $1 AND account_id = $2 ORDER BY created_at, id LIMIT 10000");
        command.Parameters.Add(new NpgsqlParameter { Value = accountKind });
        command.Parameters.Add(new NpgsqlParameter { Value = accountId });
        return await ReadAsync(command, cancellationToken);
    }

    private static async Task<IReadOnlyList<OutboxMail>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<OutboxMail>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new OutboxMail(
                reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetString(9),
                new DateTimeOffset(reader.GetDateTime(10), TimeSpan.Zero), reader.GetInt32(11),
                reader.IsDBNull(12) ? null : new DateTimeOffset(reader.GetDateTime(12), TimeSpan.Zero)));
        }

        return rows;
    }
}
