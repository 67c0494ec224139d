using AdaptiveMooc.Grains.Abstractions.Analytics;
using AdaptiveMooc.Grains.Abstractions.Statements;
using AdaptiveMooc.Grains.Statements;
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
               x.course_id, x.lesson_id, x.item_id, x.success, x.completion, x.score_scaled, x.duration_ms, x.from_grader
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
        return await PostgresStatementStore.ReadAllAsync(command, cancellationToken);
    }

    public async Task RememberAsync(string courseId, int shard, string learnerId, AnalyticsEnrolment? enrolment, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(enrolment is null
            ? "INSERT INTO analytics_members (course_id, shard, learner_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING"
            : """
              INSERT INTO analytics_members (course_id, shard, learner_id, enrolled, enrolled_at, withdrawn_at, weekly_study_hours) VALUES ($1, $2, $3, true, $4, $5, $6)
              ON CONFLICT (course_id, shard, learner_id) DO UPDATE
              SET enrolled = true, enrolled_at = EXCLUDED.enrolled_at, withdrawn_at = EXCLUDED.withdrawn_at, weekly_study_hours = EXCLUDED.weekly_study_hours
              """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = courseId });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = shard });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = learnerId });
        if (enrolment is { } e)
        {
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = e.EnrolledAt.ToUniversalTime() });
            command.Parameters.Add(new NpgsqlParameter { Value = e.WithdrawnAt is { } w ? w.ToUniversalTime() : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
            command.Parameters.Add(new NpgsqlParameter { Value = e.WeeklyStudyHours is { } h ? h : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Double });
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AnalyticsMember>> MembersAsync(string courseId, int shard, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT learner_id, enrolled, enrolled_at, withdrawn_at, weekly_study_hours FROM analytics_members WHERE course_id = $1 AND shard = $2");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = courseId });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = shard });
        var members = new List<AnalyticsMember>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            members.Add(new AnalyticsMember(
                reader.GetString(0),
                reader.GetBoolean(1) && !reader.IsDBNull(2)
                    ? new AnalyticsEnrolment(
                        reader.GetFieldValue<DateTimeOffset>(2),
                        reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3),
                        reader.IsDBNull(4) ? null : reader.GetDouble(4))
                    : null));
        }

        return members;
    }
}
