using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using AdaptiveMooc.ML.Training;

namespace AdaptiveMooc.ML.Cli;

/// <summary>
/// <c>retrain --from-db CONNECTION [--models DIR] [--out DIR] [--test-weeks N] [--seed N] [--shuffle-labels true]</c>:
/// the retraining loop's judgement (<see cref="ModelRetrainer"/>, the same library call the silos' scheduled
/// job makes) from the command line: trains the candidates on the statements before the cut-off, measures them
/// and the models of <c>--models</c> (default ml-models/models) on the most recent weeks, and prints every
/// decision. Candidates are written under <c>--out</c> (default a temporary folder); nothing is promoted and no
/// registry is written: the cluster's loop does that (<c>POST /api/models/retraining</c>).
/// </summary>
internal static class RetrainCommand
{
    private const string Usage = "usage: retrain --from-db CONNECTION [--models DIR] [--out DIR] [--test-weeks N] [--seed N] [--shuffle-labels true|false]";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static async Task<int> RunAsync(string[] args)
    {
        var options = RiskEvalCommand.ParseOptions(args, Usage, "--from-db", "--models", "--out", "--test-weeks", "--seed", "--shuffle-labels");
        if (options is null)
        {
            return 2;
        }

        if (!options.TryGetValue("--from-db", out var connection))
        {
            return RiskEvalCommand.Fail(Usage, "--from-db is required");
        }

        var weeks = 6;
        if (options.TryGetValue("--test-weeks", out var text) && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out weeks) || weeks is < 1 or > 52))
        {
            return RiskEvalCommand.Fail(Usage, "--test-weeks must be 1-52");
        }

        var shuffle = false;
        if (options.TryGetValue("--shuffle-labels", out var flag) && !bool.TryParse(flag, out shuffle))
        {
            return RiskEvalCommand.Fail(Usage, "--shuffle-labels must be true or false");
        }

        var models = options.GetValueOrDefault("--models") ?? Path.Combine(Directory.GetCurrentDirectory(), "ml-models", "models");
        var output = options.GetValueOrDefault("--out") ?? Directory.CreateTempSubdirectory("mooc-retrain-").FullName;
        var report = await ModelRetrainer.RunAsync(
            new PostgresStatementSource(connection), Directory.Exists(models) ? models : null, output,
            new RetrainingOptions { TestWeeks = weeks, Seed = RiskEvalCommand.Seed(options), ShuffleLabels = shuffle }, RiskEvalCommand.Log);
        RiskEvalCommand.Log($"candidates in {Path.GetFullPath(output)}");
        Console.WriteLine(JsonSerializer.Serialize(report, Json));
        return 0;
    }
}
