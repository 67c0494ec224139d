using System.Globalization;
using AdaptiveMooc.Grains.Abstractions.Webhooks;
using Npgsql;
using NpgsqlTypes;

namespace AdaptiveMooc.Grains.Webhooks;

/// <summary>The webhook store on PostgreSQL (tables of migration 0050_webhooks.sql).</summary>
internal sealed class PostgresWebhookStore(NpgsqlDataSource dataSource) : IWebhookStore
{
    // Counts and the latest dead letters per webhook, beside its row: listings are at most a page of webhooks.
    private static readonly string ViewSelect = string.Create(
        CultureInfo.InvariantCulture,
        $"""
        SELECT s.webhook_id, s.owner, s.url, s.events, s.created_at,
               (SELECT count(*) FROM webhook_outbox o WHERE o.webhook_id = s.webhook_id AND o.status = 0),
               (SELECT count(*) FROM webhook_outbox o WHERE o.webhook_id = s.webhook_id AND o.status = 1),
               (SELECT count(*) FROM webhook_outbox o WHERE o.webhook_id = s.webhook_id AND o.status = 2),
               (SELECT coalesce(json_agg(json_build_array(d.event_id, d.event_type, d.attempts, d.last_error, d.last_attempt_at)), '[]')
                  FROM (SELECT event_id, event_type, attempts, last_error, last_attempt_at FROM webhook_outbox o
                         WHERE o.webhook_id = s.webhook_id AND o.status = 2
                         ORDER BY last_attempt_at DESC, delivery_id DESC LIMIT {WebhookLimits.DeadLettersShown}) d)
        FROM webhook_subscriptions s
        """);

    public async Task<int> CountAsync(string owner)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM webhook_subscriptions WHERE owner = $1");
        command.Parameters.Add(new() { Value = owner });
        return (int)(long)(await command.ExecuteScalarAsync())!;
    }

    public async Task<long> PendingCountAsync()
    {
        // Answered from the partial index webhook_outbox_due (status = 0).
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM webhook_outbox WHERE status = 0");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task AddAsync(WebhookSubscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO webhook_subscriptions (webhook_id, owner, url, events, secret, created_at)
            VALUES ($1, $2, $3, $4, $5, $6)
            """);
        command.Parameters.Add(new() { Value = subscription.Id });
        command.Parameters.Add(new() { Value = subscription.Owner });
        command.Parameters.Add(new() { Value = subscription.Url });
        command.Parameters.Add(new() { Value = subscription.Events.ToArray() });
        command.Parameters.Add(new() { Value = subscription.Secret });
        command.Parameters.Add(new() { Value = subscription.CreatedAt.ToUniversalTime() });
        await command.ExecuteNonQueryAsync();
    }

    public async Task<bool> DeleteAsync(string owner, Guid webhookId, DateTimeOffset at)
    {
        // The outbox rows go with their webhook (ON DELETE CASCADE): nothing is sent to a deleted webhook.
        await using var command = dataSource.CreateCommand("DELETE FROM webhook_subscriptions WHERE webhook_id = $1 AND owner = $2");
        command.Parameters.Add(new() { Value = webhookId });
        command.Parameters.Add(new() { Value = owner });
        return await command.ExecuteNonQueryAsync() == 1;
    }

    public async Task<IReadOnlyList<WebhookView>> ListAsync(string? owner, Guid? after, int limit)
    {
        await using var command = dataSource.CreateCommand(
            ViewSelect + """
             WHERE ($1::text IS NULL OR s.owner = $1) AND ($2::uuid IS NULL OR s.webhook_id > $2)
             ORDER BY s.webhook_id LIMIT $3
            """);
        command.Parameters.Add(new() { Value = (object?)owner ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = after.HasValue ? after.Value : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new() { Value = limit });
        return await ReadViewsAsync(command);
    }

    public async Task<WebhookView?> GetAsync(string? owner, Guid webhookId)
    {
        await using var command = dataSource.CreateCommand(ViewSelect + " WHERE s.webhook_id = $2 AND ($1::text IS NULL OR s.owner = $1)");
        command.Parameters.Add(new() { Value = (object?)owner ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = webhookId });
        return (await ReadViewsAsync(command)).SingleOrDefault();
    }

    public async Task<int> EnqueueAsync(WebhookEvent webhookEvent, string payload, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(webhookEvent);
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO webhook_outbox (webhook_id, event_id, event_type, payload, next_attempt_at, created_at)
            SELECT webhook_id, $1, $2, $3, $4, $4 FROM webhook_subscriptions WHERE $2 = ANY (events)
            ON CONFLICT (webhook_id, event_id) DO NOTHING
            """);
        command.Parameters.Add(new() { Value = webhookEvent.Id });
        command.Parameters.Add(new() { Value = webhookEvent.Type });
        command.Parameters.Add(new() { Value = payload });
        command.Parameters.Add(new() { Value = now.ToUniversalTime() });
        return await command.ExecuteNonQueryAsync();
    }

    public async Task<bool> EnqueueForAsync(string owner, Guid webhookId, WebhookEvent webhookEvent, string payload, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(webhookEvent);
        await using var command = dataSource.CreateCommand(
            """
            WITH target AS (SELECT webhook_id FROM webhook_subscriptions WHERE webhook_id = $1 AND owner = $2),
                 queued AS (
                     INSERT INTO webhook_outbox (webhook_id, event_id, event_type, payload, next_attempt_at, created_at)
                     SELECT webhook_id, $3, $4, $5, $6, $6 FROM target
                     ON CONFLICT (webhook_id, event_id) DO NOTHING)
            SELECT EXISTS (SELECT 1 FROM target)
            """);
        command.Parameters.Add(new() { Value = webhookId });
        command.Parameters.Add(new() { Value = owner });
        command.Parameters.Add(new() { Value = webhookEvent.Id });
        command.Parameters.Add(new() { Value = webhookEvent.Type });
        command.Parameters.Add(new() { Value = payload });
        command.Parameters.Add(new() { Value = now.ToUniversalTime() });
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    public async Task<IReadOnlyList<WebhookDelivery>> ClaimAsync(DateTimeOffset now, TimeSpan lease, int max)
    {
        // SKIP LOCKED: silos polling together each take different rows; the lease keeps a row from being
        // taken again while its attempt is under way (the HTTP timeout is shorter than the lease).
        await using var command = dataSource.CreateCommand(
            """
            WITH due AS (
                SELECT delivery_id FROM webhook_outbox
                 WHERE status = 0 AND next_attempt_at <= $1 AND (locked_until IS NULL OR locked_until <= $1)
                 ORDER BY next_attempt_at, delivery_id
                 LIMIT $3
                 FOR UPDATE SKIP LOCKED)
            UPDATE webhook_outbox o SET attempts = o.attempts + 1, locked_until = $2
              FROM due, webhook_subscriptions s
             WHERE o.delivery_id = due.delivery_id AND s.webhook_id = o.webhook_id
            RETURNING o.delivery_id, o.webhook_id, s.owner, s.url, s.secret, o.event_id, o.event_type, o.payload, o.attempts
            """);
        command.Parameters.Add(new() { Value = now.ToUniversalTime() });
        command.Parameters.Add(new() { Value = (now + lease).ToUniversalTime() });
        command.Parameters.Add(new() { Value = max });
        var claimed = new List<WebhookDelivery>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            claimed.Add(new WebhookDelivery(
                reader.GetInt64(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetGuid(5), reader.GetString(6), reader.GetString(7), reader.GetInt32(8)));
        }

        return claimed;
    }

    public async Task MarkDeliveredAsync(long deliveryId, DateTimeOffset at)
    {
        await using var command = dataSource.CreateCommand(
            """
            UPDATE webhook_outbox SET status = 1, locked_until = NULL, last_attempt_at = $2, last_error = NULL
             WHERE delivery_id = $1
            """);
        command.Parameters.Add(new() { Value = deliveryId });
        command.Parameters.Add(new() { Value = at.ToUniversalTime() });
        await command.ExecuteNonQueryAsync();
    }

    public async Task MarkFailedAsync(long deliveryId, string error, DateTimeOffset at, DateTimeOffset? retryAt)
    {
        await using var command = dataSource.CreateCommand(
            """
            UPDATE webhook_outbox
               SET status = CASE WHEN $4::timestamptz IS NULL THEN 2 ELSE 0 END,
                   next_attempt_at = coalesce($4, next_attempt_at),
                   locked_until = NULL, last_attempt_at = $3, last_error = $2
             WHERE delivery_id = $1 AND status = 0
            """);
        command.Parameters.Add(new() { Value = deliveryId });
        command.Parameters.Add(new() { Value = error });
        command.Parameters.Add(new() { Value = at.ToUniversalTime() });
        command.Parameters.Add(new() { Value = retryAt.HasValue ? retryAt.Value.ToUniversalTime() : DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<IReadOnlyList<WebhookView>> ReadViewsAsync(NpgsqlCommand command)
    {
        var views = new List<WebhookView>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            views.Add(new WebhookView(
                reader.GetGuid(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetFieldValue<string[]>(3),
                reader.GetFieldValue<DateTimeOffset>(4),
                (int)reader.GetInt64(5),
                (int)reader.GetInt64(6),
                (int)reader.GetInt64(7),
                DeadLetters(reader.GetString(8))));
        }

        return views;
    }

    private static List<WebhookDeadLetter> DeadLetters(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(e => new WebhookDeadLetter(
            e[0].GetGuid(),
            e[1].GetString()!,
            e[2].GetInt32(),
            e[3].ValueKind == System.Text.Json.JsonValueKind.Null ? null : e[3].GetString(),
            e[4].ValueKind == System.Text.Json.JsonValueKind.Null ? null : e[4].GetDateTimeOffset()))];
    }
}
