using System.Runtime.CompilerServices;
using AdaptiveMooc.ML.Events;
using Npgsql;

namespace AdaptiveMooc.ML.Training;

/// <summary>Reads the platform's <c>xapi_statements</c> table (silo migration 0010) as learning events.</summary>
public sealed class PostgresStatementSource : IStatementSource
{
    private static readonly IReadOnlyList<string> NoSkills = [];

    private readonly Func<CancellationToken, ValueTask<NpgsqlConnection>> open;

    public PostgresStatementSource(string connectionString) =>
        open = async cancellationToken =>
        {
            var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            return connection;
        };

    /// <summary>Reads through a data source (the silo's pool, whose connection string no longer holds the password).</summary>
    public PostgresStatementSource(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        open = dataSource.OpenConnectionAsync;
    }

    /// <summary>From the analytics members log (silo migrations 0060, 0061), when the database has it.</summary>
    public async Task<IReadOnlyDictionary<(string CourseId, string LearnerId), double>> DeclaredStudyHoursAsync(CancellationToken cancellationToken = default)
    {
        var hours = new Dictionary<(string, string), double>();
        await using var connection = await open(cancellationToken);
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

    /// <summary>
    /// Statements of sources that may not grade (<c>from_grader</c> false, silo migration 0062) count as the
    /// platform counts them (<see cref="GradeSource"/>): no success or score, and no pass or completion of a
    /// graded activity. The database holds no course definitions (they live in grain state), so a lesson
    /// counts as graded when it is about an item or when a grading source gave a result on the lesson
    /// (passed, failed, a success or a score, or any statement about one of its items); a learner's own
    /// statements never make a lesson graded. A database before migration 0062 has only statements that
    /// count as graded, as the migration itself marks them.
    /// </summary>
    public async IAsyncEnumerable<LearningEvent> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await open(cancellationToken);
        bool hasGrader;
        await using (var exists = new NpgsqlCommand(
            "SELECT 1 FROM information_schema.columns WHERE table_name = 'xapi_statements' AND column_name = 'from_grader'", connection))
        {
            hasGrader = await exists.ExecuteScalarAsync(cancellationToken) is not null;
        }

        await using var command = new NpgsqlCommand(hasGrader ? GradedSql : PlainSql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var itemId = reader.IsDBNull(3) ? null : reader.GetString(3);
            var verb = Verb(reader.GetString(4));
            if (verb == LearningVerb.Completed && !reader.IsDBNull(11) && !reader.GetBoolean(11))
            {
                // As the learner grain reads it: "completed" saying it is not complete (a video watched below 0.9).
                verb = LearningVerb.Progressed;
            }

            bool? success = reader.IsDBNull(6) ? null : reader.GetBoolean(6);
            double? score = reader.IsDBNull(7) ? null : reader.GetDouble(7);
            if (!reader.GetBoolean(9))
            {
                (verb, success, score) = GradeSource.Ungraded(verb, itemId is not null || reader.GetBoolean(10));
            }

            yield return new LearningEvent(
                reader.GetString(0),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                itemId,
                verb,
                new DateTimeOffset(reader.GetDateTime(5), TimeSpan.Zero),
                success,
                score,
                reader.IsDBNull(8) ? null : TimeSpan.FromMilliseconds(reader.GetInt64(8)),
                itemId is not null && reader.GetBoolean(9) && !reader.IsDBNull(12) ? SkillsOf(reader.GetString(12)) : NoSkills);
        }
    }

    private const string PlainSql =
        """
        SELECT learner_id, course_id, lesson_id, item_id, verb, ts, success, score_scaled, duration_ms, true, true, completion,
               (statement->'context'->'extensions')::text
        FROM xapi_statements WHERE course_id IS NOT NULL ORDER BY course_id, learner_id, ts, seq
        """;

    private const string GradedSql =
        """
        WITH graded AS (
            SELECT DISTINCT course_id, lesson_id FROM xapi_statements
            WHERE from_grader AND course_id IS NOT NULL AND lesson_id IS NOT NULL
              AND (item_id IS NOT NULL OR success IS NOT NULL OR score_scaled IS NOT NULL
                   OR verb IN ('http://adlnet.gov/expapi/verbs/passed', 'http://adlnet.gov/expapi/verbs/failed')))
        SELECT x.learner_id, x.course_id, x.lesson_id, x.item_id, x.verb, x.ts, x.success, x.score_scaled, x.duration_ms,
               x.from_grader, g.lesson_id IS NOT NULL, x.completion, (x.statement->'context'->'extensions')::text
        FROM xapi_statements x LEFT JOIN graded g ON g.course_id = x.course_id AND g.lesson_id = x.lesson_id
        WHERE x.course_id IS NOT NULL ORDER BY x.course_id, x.learner_id, x.ts, x.seq
        """;

    /// <summary>Suffix of the context extension in which the platform's graders name an item's skills (docs/ASSESSMENTS.md).</summary>
    public const string SkillsExtensionSuffix = "/xapi/extensions/skills";

    /// <summary>
    /// The skills a grader's item statement names in its skills extension (at most 10), so knowledge
    /// tracing learns the platform's item answers per skill as the learner grain does; none otherwise.
    /// </summary>
    internal static IReadOnlyList<string> SkillsOf(string extensions)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(extensions);
            if (document.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object)
            {
                return NoSkills;
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name.EndsWith(SkillsExtensionSuffix, StringComparison.Ordinal) && property.Value.ValueKind == System.Text.Json.JsonValueKind.Array)
                {
                    return [.. property.Value.EnumerateArray()
                        .Where(v => v.ValueKind == System.Text.Json.JsonValueKind.String)
                        .Select(v => v.GetString()!)
                        .Where(v => v.Length > 0)
                        .Distinct(StringComparer.Ordinal)
                        .Take(10)];
                }
            }
        }
        catch (System.Text.Json.JsonException)
        {
        }

        return NoSkills;
    }

    /// <summary>
    /// ADL verb IRIs end with the verb name (http://adlnet.gov/expapi/verbs/completed); the xAPI video profile's
    /// played, paused and seeked, and ADL interacted, are engagement, as the learner grain reads them (experienced).
    /// </summary>
    private static LearningVerb Verb(string iri)
    {
        if (iri is "https://w3id.org/xapi/video/verbs/played" or "https://w3id.org/xapi/video/verbs/paused"
            or "https://w3id.org/xapi/video/verbs/seeked" or "http://adlnet.gov/expapi/verbs/interacted")
        {
            return LearningVerb.Experienced;
        }

        var name = iri[(iri.LastIndexOf('/') + 1)..];
        return Enum.TryParse<LearningVerb>(name, ignoreCase: true, out var verb) ? verb : LearningVerb.Other;
    }
}
