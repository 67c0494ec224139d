using AdaptiveMooc.Grains.Abstractions.LrsForwarding;
using Npgsql;

namespace AdaptiveMooc.Grains.LrsForwarding;

/// <summary>
/// The forwarding tables (migration 0140) and the reads of the statement log the forwarder needs. The
/// targets' configuration is written by <see cref="LrsForwardingGrain"/> only; cursors, retry state and
/// dead letters by the forwarder only (one at a time across silos: <see cref="LrsForwardingService"/>'s lease).
/// </summary>
internal sealed class LrsForwardingStore(NpgsqlDataSource dataSource)
{
    private const string TargetColumns =
        "target_id, endpoint, username, password_protected, course_ids, cursor_seq, attempts, next_attempt_at";

    // ---- configuration (the grain) ----

    public async Task<int> CountTargetsAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM lrs_forward_targets");
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Channel notified (at commit) when a target is added: the lease holder, idle while no target exists, listens
    /// on it and starts forwarding at once instead of polling an empty table every second.
    /// </summary>
    public const string TargetsChannel = "lrs_forward_targets_added";

    public async Task AddTargetAsync(
        Guid id, Uri endpoint, string username, byte[] protectedPassword, IReadOnlyList<string>? courseIds, DateTimeOffset createdAt, string createdBy,
        CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $$"""
            WITH added AS (
                INSERT INTO lrs_forward_targets (target_id, endpoint, username, password_protected, course_ids, created_at, created_by)
                VALUES ($1, $2, $3, $4, $5, $6, $7)
                RETURNING target_id)
            SELECT pg_notify('{{TargetsChannel}}', '') FROM added
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = endpoint.AbsoluteUri });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = username });
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = protectedPassword });
        command.Parameters.Add(courseIds is null
            ? new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text }
            : new NpgsqlParameter<string[]> { TypedValue = [.. courseIds] });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = createdAt.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = createdBy });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> DeleteTargetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM lrs_forward_targets WHERE target_id = $1");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <summary>The targets as admins see them, with their progress (one target when <paramref name="only"/> is set).</summary>
    public async Task<IReadOnlyList<LrsForwardingTarget>> ViewTargetsAsync(Guid? only, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            SELECT t.target_id, t.endpoint, t.username, t.course_ids, t.created_at, t.created_by, t.cursor_seq, t.forwarded, t.attempts,
                   t.last_error, t.last_attempt_at, t.last_success_at, t.next_attempt_at,
                   (SELECT coalesce(max(seq), 0) FROM xapi_statements),
                   (SELECT count(*) FROM (SELECT 1 FROM xapi_statements s
                                          WHERE s.seq > t.cursor_seq AND (t.course_ids IS NULL OR s.course_id = ANY (t.course_ids))
                                          LIMIT {LrsForwardingLimits.PendingCountedUpTo + 1}) p),
                   (SELECT s.stored FROM xapi_statements s
                    WHERE s.seq > t.cursor_seq AND (t.course_ids IS NULL OR s.course_id = ANY (t.course_ids)) ORDER BY s.seq LIMIT 1),
                   (SELECT count(*) FROM lrs_forward_dead_letters d WHERE d.target_id = t.target_id)
            FROM lrs_forward_targets t
            WHERE $1::uuid IS NULL OR t.target_id = $1
            ORDER BY t.created_at, t.target_id
            """);
        command.Parameters.Add(only is { } id ? new NpgsqlParameter<Guid> { TypedValue = id } : new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        var targets = new List<LrsForwardingTarget>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var pending = reader.GetInt64(14);
            DateTimeOffset? oldest = reader.IsDBNull(15) ? null : reader.GetFieldValue<DateTimeOffset>(15);
            var progress = new LrsForwardingProgress(
                Cursor: reader.GetInt64(6),
                LatestSequence: reader.GetInt64(13),
                Forwarded: reader.GetInt64(7),
                Pending: Math.Min(pending, LrsForwardingLimits.PendingCountedUpTo),
                PendingCapped: pending > LrsForwardingLimits.PendingCountedUpTo,
                LagSeconds: oldest is { } o ? Math.Max(0, (now - o).TotalSeconds) : 0,
                DeadLetters: (int)reader.GetInt64(16),
                FailedAttempts: reader.GetInt32(8),
                LastError: reader.IsDBNull(9) ? null : reader.GetString(9),
                LastAttemptAt: reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10),
                LastSuccessAt: reader.IsDBNull(11) ? null : reader.GetFieldValue<DateTimeOffset>(11),
                NextAttemptAt: reader.IsDBNull(12) ? null : reader.GetFieldValue<DateTimeOffset>(12));
            targets.Add(new LrsForwardingTarget(
                reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetFieldValue<string[]>(3),
                reader.GetFieldValue<DateTimeOffset>(4), reader.GetString(5), progress));
        }

        return targets;
    }

    public async Task<IReadOnlyList<LrsForwardingDeadLetter>> DeadLettersAsync(Guid id, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT seq, statement_id, learner_id, attempts, status_code, last_error, dead_at, retry_requested
            FROM lrs_forward_dead_letters WHERE target_id = $1 AND seq > $2 ORDER BY seq LIMIT $3
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = afterSequence });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        var letters = new List<LrsForwardingDeadLetter>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            letters.Add(new LrsForwardingDeadLetter(
                reader.GetInt64(0), reader.GetGuid(1), reader.GetString(2), reader.GetInt32(3), reader.IsDBNull(4) ? null : reader.GetInt32(4),
                reader.GetString(5), reader.GetFieldValue<DateTimeOffset>(6), reader.GetBoolean(7)));
        }

        return letters;
    }

    public async Task<int> RequestRetryAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("UPDATE lrs_forward_dead_letters SET retry_requested = true WHERE target_id = $1");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // ---- the forwarder ----

    public async Task<IReadOnlyList<ForwardingTargetRow>> TargetsAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {TargetColumns} FROM lrs_forward_targets ORDER BY created_at, target_id");
        var rows = new List<ForwardingTargetRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new ForwardingTargetRow(
                reader.GetGuid(0), new Uri(reader.GetString(1)), reader.GetString(2), reader.GetFieldValue<byte[]>(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<string[]>(4), reader.GetInt64(5), reader.GetInt32(6),
                reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7)));
        }

        return rows;
    }

    /// <summary>
    /// The transactions in progress and the highest sequence, from one snapshot. Every statement with a
    /// sequence up to that maximum is visible once those transactions have ended (see <see cref="StableHorizon"/>).
    /// </summary>
    public async Task<(long MaxSequence, string[] InProgress)> ObserveAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT (SELECT coalesce(max(seq), 0) FROM xapi_statements),
                   (SELECT coalesce(array_agg(x::text), '{}') FROM pg_snapshot_xip(pg_current_snapshot()) AS x)
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetFieldValue<string[]>(1));
    }

    /// <summary>True when none of these transactions is still in progress (committed or rolled back, all of them).</summary>
    public async Task<bool> AllEndedAsync(string[] transactions, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT NOT EXISTS (SELECT 1 FROM unnest($1::text[]) AS x WHERE pg_xact_status(x::xid8) = 'in progress')");
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = transactions });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Statements of the target after its cursor and up to <paramref name="horizon"/>, in log order.</summary>
    public async Task<IReadOnlyList<ForwardedStatement>> ReadAsync(
        long afterSequence, long horizon, IReadOnlyList<string>? courseIds, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            courseIds is null
                ? "SELECT seq, id, learner_id, statement::text FROM xapi_statements WHERE seq > $1 AND seq <= $2 ORDER BY seq LIMIT $3"
                : "SELECT seq, id, learner_id, statement::text FROM xapi_statements WHERE seq > $1 AND seq <= $2 AND course_id = ANY ($4) ORDER BY seq LIMIT $3");
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = afterSequence });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = horizon });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        if (courseIds is not null)
        {
            command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. courseIds] });
        }

        var rows = new List<ForwardedStatement>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new ForwardedStatement(reader.GetInt64(0), reader.GetGuid(1), LearnerOf(reader), reader.GetString(3)));
        }

        return rows;
    }

    /// <summary>
    /// Moves the cursor forward after the target acknowledged <paramref name="delivered"/> statements up to
    /// <paramref name="cursor"/>; false when the target is gone or someone else moved it (then nothing changes).
    /// </summary>
    public async Task<bool> AdvanceAsync(Guid id, long from, long cursor, int delivered, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            UPDATE lrs_forward_targets
            SET cursor_seq = $3, forwarded = forwarded + $4, attempts = 0, next_attempt_at = NULL, last_error = NULL,
                last_attempt_at = CASE WHEN $4 > 0 THEN $5 ELSE last_attempt_at END,
                last_success_at = CASE WHEN $4 > 0 THEN $5 ELSE last_success_at END
            WHERE target_id = $1 AND cursor_seq = $2
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = from });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = cursor });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = delivered });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now.ToUniversalTime() });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Dead-letters one statement and moves the cursor past it, in one transaction.</summary>
    public async Task<bool> DeadLetterAsync(
        Guid id, long from, ForwardedStatement statement, int attempts, int? statusCode, string error, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var advance = new NpgsqlCommand(
            """
            UPDATE lrs_forward_targets SET cursor_seq = $3, attempts = 0, next_attempt_at = NULL, last_error = $4, last_attempt_at = $5
            WHERE target_id = $1 AND cursor_seq = $2
            """, connection, transaction))
        {
            advance.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
            advance.Parameters.Add(new NpgsqlParameter<long> { TypedValue = from });
            advance.Parameters.Add(new NpgsqlParameter<long> { TypedValue = statement.Sequence });
            advance.Parameters.Add(new NpgsqlParameter<string> { TypedValue = error });
            advance.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now.ToUniversalTime() });
            if (await advance.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                return false;
            }
        }

        await using (var insert = new NpgsqlCommand(
            """
            INSERT INTO lrs_forward_dead_letters (target_id, seq, statement_id, learner_id, attempts, status_code, last_error, dead_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            ON CONFLICT (target_id, seq) DO UPDATE SET attempts = excluded.attempts, status_code = excluded.status_code,
                last_error = excluded.last_error, dead_at = excluded.dead_at, retry_requested = false
            """, connection, transaction))
        {
            AddDeadLetterParameters(insert, id, statement, attempts, statusCode, error, now);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Records a failed attempt at the cursor and when to try again.</summary>
    public async Task RecordFailureAsync(Guid id, long at, int attempts, DateTimeOffset nextAttemptAt, string error, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            UPDATE lrs_forward_targets SET attempts = $3, next_attempt_at = $4, last_error = $5, last_attempt_at = $6
            WHERE target_id = $1 AND cursor_seq = $2
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = at });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = attempts });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = nextAttemptAt.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = error });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now.ToUniversalTime() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Dead letters an admin asked to send again, with their statements, in log order.</summary>
    public async Task<IReadOnlyList<(ForwardedStatement Statement, int Attempts)>> RetryRequestedAsync(Guid id, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT d.seq, d.statement_id, d.learner_id, s.statement::text, d.attempts
            FROM lrs_forward_dead_letters d JOIN xapi_statements s ON s.seq = d.seq
            WHERE d.target_id = $1 AND d.retry_requested ORDER BY d.seq LIMIT $2
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        var rows = new List<(ForwardedStatement, int)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((new ForwardedStatement(reader.GetInt64(0), reader.GetGuid(1), LearnerOf(reader), reader.GetString(3)), reader.GetInt32(4)));
        }

        return rows;
    }

    /// <summary>A retried dead letter was delivered: it leaves the list and counts as forwarded.</summary>
    public async Task ResolveDeadLetterAsync(Guid id, long sequence, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            WITH gone AS (DELETE FROM lrs_forward_dead_letters WHERE target_id = $1 AND seq = $2 RETURNING target_id)
            UPDATE lrs_forward_targets SET forwarded = forwarded + 1, last_success_at = $3 WHERE target_id IN (SELECT target_id FROM gone)
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = sequence });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now.ToUniversalTime() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A retried dead letter failed again: it stays, no longer marked for retry.</summary>
    public async Task FailDeadLetterAsync(Guid id, ForwardedStatement statement, int attempts, int? statusCode, string error, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            UPDATE lrs_forward_dead_letters SET attempts = $5, status_code = $6, last_error = $7, dead_at = $8, retry_requested = false
            WHERE target_id = $1 AND seq = $2 AND statement_id = $3 AND learner_id = $4
            """);
        AddDeadLetterParameters(command, id, statement, attempts, statusCode, error, now);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // Tolerates a log row without a platform learner (statements about actors the platform does not map):
    // such a statement is forwarded like any other.
    private static string LearnerOf(NpgsqlDataReader reader) => reader.IsDBNull(2) ? string.Empty : reader.GetString(2);

    private static void AddDeadLetterParameters(
        NpgsqlCommand command, Guid id, ForwardedStatement statement, int attempts, int? statusCode, string error, DateTimeOffset now)
    {
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = statement.Sequence });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = statement.Id });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = statement.LearnerId });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = attempts });
        command.Parameters.Add(new NpgsqlParameter { Value = statusCode is { } code ? code : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = error });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now.ToUniversalTime() });
    }
}
