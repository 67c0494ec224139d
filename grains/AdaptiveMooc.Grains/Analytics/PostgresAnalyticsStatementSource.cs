using AdaptiveMooc.Grains.Abstractions.Statements;
using Npgsql;

namespace AdaptiveMooc.Grains.Analytics;

/// <summary>
/// One query per page for all the rows of a shard: the learners and their sequences go in as arrays
/// (<c>unnest</c>), each joined on the statement log's (learner_id, seq) index.
/// </summary>
internal sealed class PostgresAnalyticsStatementSource(NpgsqlDataSource dataSource) : IAnalyticsStatementSource
{
    private const string Sql =
        """
        SELECT x.seq, x.stored, x.id, x.learner_id, x.verb, x.activity_id, x.ts, x.content_hash, x.statement::text,
               x.course_id, x.lesson_id, x.item_id, x.success, x.completion, x.score_scaled, x.duration_ms
        FROM unnest($1::text[], $2::int8[]) AS r(learner_id, after_seq)
        JOIN xapi_statements x ON x.learner_id = r.learner_id AND x.seq > r.after_seq
        WHERE x.course_id = $3 AND (x.learner_id, x.seq) > ($4, $5)
        ORDER BY x.learner_id, x.seq
        LIMIT $6
        """;

    public async Task<IReadOnlyList<StoredStatement>> ReadAsync(
        string courseId, IReadOnlyList<string> learners, IReadOnlyList<long> after, StoredStatement? cursor, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learners);
        ArgumentNullException.ThrowIfNull(after);
        await using var command = dataSource.CreateCommand(Sql);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. learners] });
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. after] });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = courseId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = cursor?.Statement.LearnerId ?? string.Empty });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = cursor?.Sequence ?? 0 });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
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
                Duration: reader.IsDBNull(15) ? null : TimeSpan.FromMilliseconds(reader.GetInt64(15)));
            rows.Add(new StoredStatement(reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), record));
        }

        return rows;
    }
}
