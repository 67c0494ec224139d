using System.Runtime.CompilerServices;
using AdaptiveMooc.ML.Events;
using Npgsql;

namespace AdaptiveMooc.ML.Training;

/// <summary>Reads the platform's <c>xapi_statements</c> table (silo migration 0010) as learning events.</summary>
public sealed class PostgresStatementSource(string connectionString) : IStatementSource
{
    private static readonly IReadOnlyList<string> NoSkills = [];

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
