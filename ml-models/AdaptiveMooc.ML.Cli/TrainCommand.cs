using System.Runtime.CompilerServices;
using System.Text.Json;
using AdaptiveMooc.ML.Events;
using AdaptiveMooc.ML.Training;
using Npgsql;

namespace AdaptiveMooc.ML.Cli;

/// <summary>
/// <c>train --oulad DIR [--out DIR] [--seed N]</c>: trains and writes the risk, dropout, pacing and
/// next-lesson models with <c>metrics.json</c> and <c>MODEL_CARD.md</c> (default out: ml-models/models).
/// <c>train --from-db CONNECTION [--out DIR]</c>: retrains from the platform's stored statements.
/// </summary>
internal static class TrainCommand
{
    private const string Usage = "usage: train --oulad DIR [--out DIR] [--seed N] | train --from-db CONNECTION [--out DIR] [--seed N]";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = RiskEvalCommand.ParseOptions(args, Usage, "--oulad", "--out", "--seed", "--from-db");
        if (options is null)
        {
            return 2;
        }

        var output = options.GetValueOrDefault("--out") ?? DefaultOutput();
        var seed = RiskEvalCommand.Seed(options);
        if (options.TryGetValue("--from-db", out var connection))
        {
            var fromDb = await DatabaseModelTrainer.TrainAsync(new PostgresStatementSource(connection), output, seed, RiskEvalCommand.Log);
            Console.WriteLine(JsonSerializer.Serialize(fromDb, RiskEvalCommand.Json));
            return 0;
        }

        if (!options.TryGetValue("--oulad", out var directory) || !Directory.Exists(directory))
        {
            return RiskEvalCommand.Fail(Usage, "--oulad must name an OULAD folder (or use --from-db)");
        }

        var report = await OuladModelTrainer.TrainAsync(directory, output, seed, RiskEvalCommand.Log);
        RiskEvalCommand.Log($"wrote models, metrics.json and MODEL_CARD.md to {Path.GetFullPath(output)}");
        Console.WriteLine(JsonSerializer.Serialize(report, RiskEvalCommand.Json));
        return 0;
    }

    /// <summary>ml-models/models of the repository the command runs in (./mooc runs from the root).</summary>
    private static string DefaultOutput() => Path.Combine(Directory.GetCurrentDirectory(), "ml-models", "models");
}

/// <summary>Reads the platform's <c>xapi_statements</c> table (silo migration 0010) as learning events.</summary>
internal sealed class PostgresStatementSource(string connectionString) : IStatementSource
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
