using System.Runtime.CompilerServices;
using AdaptiveMooc.ML.Events;
using Npgsql;

namespace AdaptiveMooc.ML.Training;

/// <summary>Reads the platform's <c>xapi_statements</c> table (silo migration 0010) as learning events.</summary>
public sealed class PostgresStatementSource(string connectionString) : IStatementSource
{
    private static readonly IReadOnlyList<string> NoSkills = [];

    /// <summary>From the analytics members log (silo migrations 0060, 0061), when the database has it.</summary>
    public async Task<IReadOnlyDictionary<(string CourseId, string LearnerId), double>> DeclaredStudyHoursAsync(CancellationToken cancellationToken = default)
    {
        var hours = new Dictionary<(string, string), double>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var exists = new NpgsqlCommand(
            "SELECT 1 FROM information_schema.columns WHERE table_name = 'analytics_members' AND column_name = 'weekly_study_hours'", connection))
        {
            if (await exists.ExecuteScalarAsync(cancellationToken) is null)
            {
                return hours;
            }
        }

        await using var command = new NpgsqlCommand(
            "SELECT course_id, learner_id, weekly_study_hours FROM analytics_members WHERE enrolled AND weekly_study_hours IS NOT NULL", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            hours[(reader.GetString(0), reader.GetString(1))] = reader.GetDouble(2);
        }

        return hours;
    }

    public async IAsyncEnumerable<LearningEvent> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT learner_id, course_id, lesson_id, item_id, verb, ts, success, score_scaled, duration_ms
            FROM xapi_statements WHERE course_id IS NOT NULL ORDER BY course_id, learner_id, ts, seq
            """,
            connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new LearningEvent(
                reader.GetString(0),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                Verb(reader.GetString(4)),
                new DateTimeOffset(reader.GetDateTime(5), TimeSpan.Zero),
                reader.IsDBNull(6) ? null : reader.GetBoolean(6),
                reader.IsDBNull(7) ? null : reader.GetDouble(7),
                reader.IsDBNull(8) ? null : TimeSpan.FromMilliseconds(reader.GetInt64(8)),
                NoSkills);
        }
    }

    /// <summary>ADL verb IRIs end with the verb name (http://adlnet.gov/expapi/verbs/completed).</summary>
    private static LearningVerb Verb(string iri)
    {
        var name = iri[(iri.LastIndexOf('/') + 1)..];
        return Enum.TryParse<LearningVerb>(name, ignoreCase: true, out var verb) ? verb : LearningVerb.Other;
    }
}
