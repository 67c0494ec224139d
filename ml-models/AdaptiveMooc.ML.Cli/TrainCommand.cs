using System.Text.Json;
using AdaptiveMooc.ML.Training;

namespace AdaptiveMooc.ML.Cli;

/// <summary>
/// <c>train --oulad DIR [--out DIR] [--seed N]</c>: trains and writes the risk, dropout, pacing,
/// knowledge-tracing and next-lesson models with <c>metrics.json</c> and <c>MODEL_CARD.md</c> (default out:
/// ml-models/models). <c>train --from-db CONNECTION [--out DIR]</c>: retrains dropout, risk and pacing
/// from the platform's stored statements (<see cref="DatabaseModelTrainer"/>).
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
