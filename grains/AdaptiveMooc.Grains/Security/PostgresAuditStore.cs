using AdaptiveMooc.Grains.Abstractions.Security;
using Npgsql;
using NpgsqlTypes;

namespace AdaptiveMooc.Grains.Security;

/// <summary>Writes to <c>audit_log</c> (migration 0020_audit.sql), which refuses updates and deletes.</summary>
public sealed class PostgresAuditStore(NpgsqlDataSource dataSource) : IAuditStore
{
    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var command = dataSource.CreateCommand(
            "INSERT INTO audit_log (at, actor_kind, actor_id, action, target, detail) VALUES ($1, $2, $3, $4, $5, $6)");
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = entry.At.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { Value = entry.ActorKind });
        command.Parameters.Add(new NpgsqlParameter { Value = entry.ActorId });
        command.Parameters.Add(new NpgsqlParameter { Value = entry.Action });
        command.Parameters.Add(new NpgsqlParameter { Value = entry.Target });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)entry.Detail ?? DBNull.Value });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task<IReadOnlyList<AuditRecord>> ListAsync(int limit, long? beforeSequence, CancellationToken cancellationToken) =>
        SearchAsync(AuditFilter.None, limit, beforeSequence, cancellationToken);

    public async Task<IReadOnlyList<AuditRecord>> SearchAsync(AuditFilter filter, int limit, long? beforeSequence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var command = dataSource.CreateCommand(
            "SELECT seq, at, actor_kind, actor_id, action, target, detail FROM audit_log " +
            "WHERE ($1::bigint IS NULL OR seq < $1) AND ($3::text IS NULL OR actor_id = $3) " +
            "AND ($4::text IS NULL OR action = $4 OR (right($4, 1) = '.' AND starts_with(action, $4))) " +
            "AND ($5::text IS NULL OR target = $5) AND ($6::timestamptz IS NULL OR at >= $6) AND ($7::timestamptz IS NULL OR at < $7) " +
            "ORDER BY seq DESC LIMIT $2");
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = (object?)beforeSequence ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)filter.ActorId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)filter.Action ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)filter.Target ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = (object?)filter.From?.UtcDateTime ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = (object?)filter.To?.UtcDateTime ?? DBNull.Value });
        var page = new List<AuditRecord>(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var entry = new AuditEntry(
                new DateTimeOffset(reader.GetDateTime(1), TimeSpan.Zero),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6));
            page.Add(new AuditRecord(reader.GetInt64(0), entry));
        }

        return page;
    }
}
