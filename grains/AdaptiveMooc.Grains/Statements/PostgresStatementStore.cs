using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using AdaptiveMooc.Grains.Abstractions.Statements;
using Npgsql;
using NpgsqlTypes;

namespace AdaptiveMooc.Grains.Statements;

/// <summary>The statement log in PostgreSQL (table <c>xapi_statements</c>, migration 0010).</summary>
/// <remarks>
/// Group commit: concurrent appends of this silo are queued and written by one background writer in one
/// transaction (one fsync), each in its own savepoint. A caller's task completes only after that COMMIT.
/// </remarks>
internal sealed class PostgresStatementStore : IStatementStore, IAsyncDisposable
{
    // At most 64 write subtransactions per transaction: beyond that PostgreSQL's per-backend subxid cache
    // overflows and every snapshot in the server gets slower.
    private const int MaxBatchRequests = 64;

    private const long MaxBatchBytes = 1024 * 1024;

    // Advisory-lock namespace of the statement log, so its per-learner locks never meet another feature's.
    private const int LockNamespace = 1010;

    private const string Columns =
        "seq, stored, id, learner_id, verb, activity_id, ts, content_hash, statement::text, course_id, lesson_id, item_id, success, completion, score_scaled, duration_ms, from_grader";

    // Statement s is voided: a voiding statement targets it and it is none itself (xAPI 1.0.3 Data 2.3.2).
    private const string IsVoided =
        "(NOT s.voiding AND EXISTS (SELECT 1 FROM xapi_statements v WHERE v.voiding AND v.statement_ref = s.id))";

    private static readonly XapiIndex Empty = new([], [], [], null, null, false, []);

    private readonly NpgsqlDataSource dataSource;
    private readonly Channel<AppendRequest> queue = Channel.CreateUnbounded<AppendRequest>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task writer;

    public PostgresStatementStore(NpgsqlDataSource dataSource)
    {
        this.dataSource = dataSource;
        writer = Task.Run(WriteLoopAsync);
    }

    public Task<AppendResult> AppendAsync(IReadOnlyList<StatementRecord> statements, DateTimeOffset stored, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statements);
        var request = new AppendRequest(statements.DistinctBy(s => s.Id).ToList(), stored);
        if (!queue.Writer.TryWrite(request))
        {
            throw new ObjectDisposedException(nameof(PostgresStatementStore));
        }

        // Not cancellable once queued: the request may already be part of a transaction being committed.
        return request.Completion.Task;
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await writer;
    }

    // The single writer of this silo: whatever accumulated while the previous COMMIT ran becomes the next
    // batch, so a lone request never waits and concurrent requests share one transaction (one fsync).
    private async Task WriteLoopAsync()
    {
        var batch = new List<AppendRequest>(MaxBatchRequests);
        while (await queue.Reader.WaitToReadAsync())
        {
            var bytes = 0L;
            while (batch.Count < MaxBatchRequests && bytes < MaxBatchBytes && queue.Reader.TryRead(out var request))
            {
                batch.Add(request);
                bytes += request.Statements.Sum(s => (long)s.Json.Length * 2);
            }

            try
            {
                using var span = BatchSpan(batch);
                await WriteBatchAsync(batch);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // The transaction did not commit: nothing of this batch is durable, so nobody gets a 2xx.
                foreach (var request in batch)
                {
                    request.Completion.TrySetException(exception);
                }
            }

            batch.Clear();
        }
    }

    /// <summary>
    /// The batch's span, so its PostgreSQL commands show in the trace of the first traced request and are linked
    /// from the others (the writer loop itself runs outside every request's context); null when nobody listens.
    /// </summary>
    private static System.Diagnostics.Activity? BatchSpan(List<AppendRequest> batch)
    {
        if (!GrainMetrics.Tracing.HasListeners())
        {
            return null;
        }

        var traced = batch.Where(r => r.Caller != default).Select(r => r.Caller).ToList();
        return traced.Count == 0
            ? null
            : GrainMetrics.Tracing.StartActivity(
                "statements append batch",
                System.Diagnostics.ActivityKind.Internal,
                traced[0],
                [new("mooc.batch.requests", batch.Count)],
                [.. traced.Skip(1).Select(c => new System.Diagnostics.ActivityLink(c))]);
    }

    private async Task WriteBatchAsync(List<AppendRequest> requests)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();

        // Lock every learner of the batch up front, sorted, so two silos' writers never deadlock; the locks
        // are held until COMMIT, which makes each learner's sequences commit in increasing order.
        // pg_current_xact_id() gives the transaction its id before it draws any sequence, so a snapshot that
        // does not see a drawn sequence lists its writer as in progress: the LRS forwarder's horizon
        // (LrsForwarding/StableHorizon.cs) relies on it. Every insert into xapi_statements must do the same,
        // also for a batch of uninterpreted statements only (no learner to lock), hence its own command.
        var learners = requests.SelectMany(r => r.Statements).Where(s => s.IsInterpreted).Select(s => s.LearnerId)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        await using (var lockBatch = new NpgsqlBatch(connection, transaction))
        {
            lockBatch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT pg_current_xact_id()"));
            var lockCommand = new NpgsqlBatchCommand("SELECT pg_advisory_xact_lock($1, hashtext(l)) FROM unnest($2::text[]) AS l");
            lockCommand.Parameters.Add(new NpgsqlParameter<int> { TypedValue = LockNamespace });
            lockCommand.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = learners });
            lockBatch.BatchCommands.Add(lockCommand);
            await lockBatch.ExecuteNonQueryAsync();
        }

        // Queue order, each request in its own savepoint: a conflicting or invalid request rolls back alone.
        var results = new List<(AppendRequest Request, AppendResult? Result, Exception? Error)>(requests.Count);
        foreach (var request in requests)
        {
            try
            {
                results.Add((request, await AppendOneAsync(connection, transaction, request), null));
            }
            catch (PostgresException exception)
            {
                await using var rollback = new NpgsqlCommand("ROLLBACK TO SAVEPOINT request; RELEASE SAVEPOINT request", connection, transaction);
                await rollback.ExecuteNonQueryAsync();
                results.Add((request, null, exception));
            }
        }

        await transaction.CommitAsync();
        foreach (var (request, result, error) in results)
        {
            if (error is not null)
            {
                request.Completion.TrySetException(error);
            }
            else
            {
                request.Completion.TrySetResult(result!);
            }
        }
    }

    private static async Task<AppendResult> AppendOneAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, AppendRequest request)
    {
        var unique = request.Statements;
        var stored = request.Stored;
        var learners = unique.Where(s => s.IsInterpreted).Select(s => s.LearnerId).Distinct(StringComparer.Ordinal).ToArray();

        // One round trip: savepoint, each learner's latest sequence (earlier requests of this batch
        // included), insert.
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SAVEPOINT request"));

        var previousCommand = new NpgsqlBatchCommand(
            "SELECT l, coalesce((SELECT max(s.seq) FROM xapi_statements s WHERE s.learner_id = l), 0) FROM unnest($1::text[]) AS l");
        previousCommand.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = learners });
        batch.BatchCommands.Add(previousCommand);

        var insertCommand = new NpgsqlBatchCommand(
            """
            INSERT INTO xapi_statements (id, learner_id, verb, activity_id, ts, stored, content_hash, statement,
                                         course_id, lesson_id, item_id, success, completion, score_scaled, duration_ms, from_grader,
                                         agents, related_agents, related_activities, registration, statement_ref, voiding)
            SELECT u.id, u.learner_id, u.verb, u.activity_id, u.ts, $6, u.content_hash, u.statement::jsonb,
                   u.course_id, u.lesson_id, u.item_id, u.success, u.completion, u.score_scaled, u.duration_ms, u.from_grader,
                   ARRAY(SELECT jsonb_array_elements_text(u.agents::jsonb)), ARRAY(SELECT jsonb_array_elements_text(u.related_agents::jsonb)),
                   ARRAY(SELECT jsonb_array_elements_text(u.related_activities::jsonb)), u.registration, u.statement_ref, u.voiding
            FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $7::text[], $8::text[],
                        $9::text[], $10::text[], $11::text[], $12::boolean[], $13::boolean[], $14::float8[], $15::int8[], $16::boolean[],
                        $17::text[], $18::text[], $19::text[], $20::uuid[], $21::uuid[], $22::boolean[])
                 AS u(id, learner_id, verb, activity_id, ts, content_hash, statement,
                      course_id, lesson_id, item_id, success, completion, score_scaled, duration_ms, from_grader,
                      agents, related_agents, related_activities, registration, statement_ref, voiding)
            ON CONFLICT (id) DO NOTHING
            RETURNING id, seq
            """);
        var p = insertCommand.Parameters;
        p.Add(new NpgsqlParameter<Guid[]> { TypedValue = unique.Select(s => s.Id).ToArray() });
        p.Add(new NpgsqlParameter<string[]> { TypedValue = unique.Select(s => s.LearnerId).ToArray() });
        p.Add(new NpgsqlParameter<string[]> { TypedValue = unique.Select(s => s.Verb).ToArray() });
        p.Add(new NpgsqlParameter<string[]> { TypedValue = unique.Select(s => s.ActivityId).ToArray() });
        p.Add(new NpgsqlParameter<DateTimeOffset[]> { TypedValue = unique.Select(s => s.Timestamp.ToUniversalTime()).ToArray() });
        p.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = stored.ToUniversalTime() });
        p.Add(new NpgsqlParameter<string[]> { TypedValue = unique.Select(s => s.ContentHash).ToArray() });
        p.Add(new NpgsqlParameter<string[]> { TypedValue = unique.Select(s => s.Json).ToArray() });
        p.Add(new NpgsqlParameter { Value = unique.Select(s => (object?)s.CourseId ?? DBNull.Value).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        p.Add(new NpgsqlParameter { Value = unique.Select(s => (object?)s.LessonId ?? DBNull.Value).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        p.Add(new NpgsqlParameter { Value = unique.Select(s => (object?)s.ItemId ?? DBNull.Value).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        p.Add(new NpgsqlParameter<bool?[]> { TypedValue = unique.Select(s => s.Success).ToArray() });
        p.Add(new NpgsqlParameter<bool?[]> { TypedValue = unique.Select(s => s.Completion).ToArray() });
        p.Add(new NpgsqlParameter<double?[]> { TypedValue = unique.Select(s => s.ScoreScaled).ToArray() });
        p.Add(new NpgsqlParameter<long?[]> { TypedValue = unique.Select(s => s.Duration is { } d ? (long?)d.TotalMilliseconds : null).ToArray() });
        p.Add(new NpgsqlParameter<bool[]> { TypedValue = unique.Select(s => s.FromGrader).ToArray() });
        var indexes = unique.Select(s => s.Index ?? XapiIndexer.From(s.Json) ?? Empty).ToList();
        p.Add(new NpgsqlParameter<string[]> { TypedValue = indexes.Select(i => JsonSerializer.Serialize(i.Agents)).ToArray() });
        p.Add(new NpgsqlParameter<string[]> { TypedValue = indexes.Select(i => JsonSerializer.Serialize(i.RelatedAgents)).ToArray() });
        p.Add(new NpgsqlParameter<string[]> { TypedValue = indexes.Select(i => JsonSerializer.Serialize(i.RelatedActivities)).ToArray() });
        p.Add(new NpgsqlParameter<Guid?[]> { TypedValue = indexes.Select(i => i.Registration).ToArray() });
        p.Add(new NpgsqlParameter<Guid?[]> { TypedValue = indexes.Select(i => i.StatementRef).ToArray() });
        p.Add(new NpgsqlParameter<bool[]> { TypedValue = indexes.Select(i => i.Voiding).ToArray() });
        batch.BatchCommands.Add(insertCommand);

        var previous = new Dictionary<string, long>(StringComparer.Ordinal);
        var inserted = new Dictionary<Guid, long>();
        await using (var reader = await batch.ExecuteReaderAsync())
        {
            // The reader skips SAVEPOINT (no result set) and starts at the sequences.
            while (await reader.ReadAsync())
            {
                previous[reader.GetString(0)] = reader.GetInt64(1);
            }

            await reader.NextResultAsync();
            while (await reader.ReadAsync())
            {
                inserted[reader.GetGuid(0)] = reader.GetInt64(1);
            }
        }

        if (inserted.Count < unique.Count)
        {
            var conflict = await FindConflictAsync(connection, transaction, unique.Where(s => !inserted.ContainsKey(s.Id)).ToList(), CancellationToken.None);
            if (conflict is not null)
            {
                await using var rollback = new NpgsqlCommand("ROLLBACK TO SAVEPOINT request; RELEASE SAVEPOINT request", connection, transaction);
                await rollback.ExecuteNonQueryAsync();
                return new AppendResult(IngestStatus.Conflict, conflict, []);
            }
        }

        // Not released: that would cost a round trip per request. The next request's savepoint nests inside
        // this one, which changes nothing: a later ROLLBACK TO SAVEPOINT request names the newest savepoint of
        // that name, and by then only the failing request has written since it; released or not, each
        // request is one subtransaction, which is what MaxBatchRequests bounds.

        var batches = unique
            .Where(s => s.IsInterpreted && inserted.ContainsKey(s.Id))
            .GroupBy(s => s.LearnerId, StringComparer.Ordinal)
            .Select(g => new LearnerBatch(
                g.Key,
                previous.GetValueOrDefault(g.Key),
                g.Select(s => new StoredStatement(inserted[s.Id], stored, s)).OrderBy(s => s.Sequence).ToList()))
            .ToList();
        return new AppendResult(IngestStatus.Stored, null, batches);
    }

    public async Task<IReadOnlyList<StoredStatement>> ReadLearnerAsync(string learnerId, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT {Columns} FROM xapi_statements WHERE learner_id = $1 AND seq > $2 ORDER BY seq LIMIT $3");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = learnerId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = afterSequence });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        return await ReadAllAsync(command, cancellationToken);
    }

    public async Task<StatementPage> QueryAsync(StatementQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var sql = new StringBuilder($"SELECT {Columns} FROM xapi_statements s WHERE NOT {IsVoided}");
        var parameters = new List<NpgsqlParameter>();
        string Parameter(NpgsqlParameter parameter)
        {
            parameters.Add(parameter);
            return "$" + parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (query.LearnerId is { } learner)
        {
            sql.Append(" AND s.learner_id = ").Append(Parameter(new NpgsqlParameter<string> { TypedValue = learner }));
        }

        // The filters other than time and sequence: a statement targeting another (StatementRef object) also
        // matches when its target does (xAPI 1.0.3 Communication 2.1.3).
        var matches = new List<string>();
        if (query.Agent is { } agent)
        {
            var key = Parameter(new NpgsqlParameter<string[]> { TypedValue = [agent] });
            matches.Add(query.RelatedAgents ? $"@.related_agents @> {key}" : $"@.related_agents @> {key} AND @.agents @> {key}");
        }

        if (query.ActivityId is { } activity)
        {
            matches.Add(query.RelatedActivities
                ? $"@.related_activities @> {Parameter(new NpgsqlParameter<string[]> { TypedValue = [activity] })}"
                : $"@.activity_id = {Parameter(new NpgsqlParameter<string> { TypedValue = activity })}");
        }

        if (query.Verb is { } verb)
        {
            matches.Add($"@.verb = {Parameter(new NpgsqlParameter<string> { TypedValue = verb })}");
        }

        if (query.Registration is { } registration)
        {
            matches.Add($"@.registration = {Parameter(new NpgsqlParameter<Guid> { TypedValue = registration })}");
        }

        if (matches.Count > 0)
        {
            var condition = string.Join(" AND ", matches);
            sql.Append(" AND ((").Append(condition.Replace("@.", "s.", StringComparison.Ordinal))
                .Append(") OR (s.statement_ref IS NOT NULL AND EXISTS (SELECT 1 FROM xapi_statements t WHERE t.id = s.statement_ref AND ")
                .Append(condition.Replace("@.", "t.", StringComparison.Ordinal)).Append(")))");
        }

        if (query.Since is { } since)
        {
            sql.Append(" AND s.stored > ").Append(Parameter(new NpgsqlParameter<DateTimeOffset> { TypedValue = since.ToUniversalTime() }));
        }

        if (query.Until is { } until)
        {
            sql.Append(" AND s.stored <= ").Append(Parameter(new NpgsqlParameter<DateTimeOffset> { TypedValue = until.ToUniversalTime() }));
        }

        if (query.AfterSequence is { } after)
        {
            sql.Append(query.Ascending ? " AND s.seq > " : " AND s.seq < ").Append(Parameter(new NpgsqlParameter<long> { TypedValue = after }));
        }

        sql.Append(query.Ascending ? " ORDER BY s.seq" : " ORDER BY s.seq DESC");
        sql.Append(" LIMIT ").Append(Parameter(new NpgsqlParameter<int> { TypedValue = query.Limit + 1 }));

        await using var command = dataSource.CreateCommand(sql.ToString());
        command.Parameters.AddRange(parameters.ToArray());
        var rows = (List<StoredStatement>)await ReadAllAsync(command, cancellationToken);
        var more = rows.Count > query.Limit;
        if (more)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        return new StatementPage(rows, more ? rows[^1].Sequence : null);
    }

    public async Task<StoredStatement?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns}, {IsVoided} FROM xapi_statements s WHERE s.id = $1");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        var rows = await ReadAllAsync(command, cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task StoreAttachmentsAsync(IReadOnlyList<XapiAttachment> attachments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attachments);
        if (attachments.Count == 0)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var attachment in attachments.DistinctBy(a => a.Sha2))
        {
            await using var command = new NpgsqlCommand(
                "INSERT INTO xapi_attachments (sha2, content_type, content) VALUES ($1, $2, $3) ON CONFLICT (sha2) DO NOTHING", connection, transaction);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = attachment.Sha2 });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = attachment.ContentType });
            command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = attachment.Content });
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<XapiAttachment>> ReadAttachmentsAsync(IReadOnlyList<string> sha2, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sha2);
        await using var command = dataSource.CreateCommand("SELECT sha2, content_type, content FROM xapi_attachments WHERE sha2 = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = sha2.Distinct(StringComparer.Ordinal).ToArray() });
        var found = new List<XapiAttachment>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(new XapiAttachment(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<byte[]>(2)));
        }

        return found;
    }

    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM xapi_statements WHERE false");
        await command.ExecuteScalarAsync(cancellationToken);
        return true;
    }

    private static async Task<Guid?> FindConflictAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, List<StatementRecord> candidates, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT id, content_hash FROM xapi_statements WHERE id = ANY($1)", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = candidates.Select(s => s.Id).ToArray() });
        var existing = new Dictionary<Guid, string>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                existing[reader.GetGuid(0)] = reader.GetString(1);
            }
        }

        foreach (var candidate in candidates)
        {
            // A row missing here was inserted by nobody and skipped by ON CONFLICT: impossible unless
            // a concurrent transaction rolled back between the two reads; treat it as a conflict so the
            // client retries instead of believing it stored.
            if (!existing.TryGetValue(candidate.Id, out var hash) || hash != candidate.ContentHash)
            {
                return candidate.Id;
            }
        }

        return null;
    }

    /// <summary>Reads every row of <paramref name="command"/>, whose columns are those of <see cref="Columns"/>, in that order.</summary>
    internal static async Task<IReadOnlyList<StoredStatement>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<StoredStatement>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var record = new StatementRecord(
                Id: reader.GetGuid(2),
                LearnerId: reader.GetString(3),
                Verb: reader.GetString(4),
                ActivityId: reader.GetString(5),
                Timestamp: reader.GetFieldValue<DateTimeOffset>(6),
                Json: reader.GetString(8),
                ContentHash: reader.GetString(7),
                CourseId: reader.IsDBNull(9) ? null : reader.GetString(9),
                LessonId: reader.IsDBNull(10) ? null : reader.GetString(10),
                ItemId: reader.IsDBNull(11) ? null : reader.GetString(11),
                Success: reader.IsDBNull(12) ? null : reader.GetBoolean(12),
                Completion: reader.IsDBNull(13) ? null : reader.GetBoolean(13),
                ScoreScaled: reader.IsDBNull(14) ? null : reader.GetDouble(14),
                Duration: reader.IsDBNull(15) ? null : TimeSpan.FromMilliseconds(reader.GetInt64(15)),
                FromGrader: reader.GetBoolean(16));
            var voided = reader.FieldCount > 17 && reader.GetBoolean(17);
            rows.Add(new StoredStatement(reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), record, voided));
        }

        return rows;
    }

    private sealed record AppendRequest(IReadOnlyList<StatementRecord> Statements, DateTimeOffset Stored)
    {
        /// <summary>The trace of the call that queued it (none when tracing is off), continued by the batch's span.</summary>
        public System.Diagnostics.ActivityContext Caller { get; } = System.Diagnostics.Activity.Current?.Context ?? default;

        public TaskCompletionSource<AppendResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
