using System.Text.Json;
using AdaptiveMooc.ML.Training;

namespace AdaptiveMooc.ML.Cli;

/// <summary>
/// <c>pacing-eval --oulad DIR --train P[,P..] --test P[,P..] [--seed N]</c>: trains the pacing model
/// on the training presentations and prints its figures on the test ones beside the baseline.
/// </summary>
internal static class PacingEvalCommand
{
    private const string Usage = "usage: pacing-eval --oulad DIR --train P[,P..] --test P[,P..] [--seed N]";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = RiskEvalCommand.ParseOptions(args, Usage, "--oulad", "--train", "--test", "--seed");
        if (options is null || RiskEvalCommand.LoadSplit(options, Usage) is not { } split)
        {
            return 2;
        }

        var (result, _) = await PacingEvaluation.RunAsync(split.Train, split.Test, RiskEvalCommand.Seed(options), RiskEvalCommand.Log);
        Console.WriteLine(JsonSerializer.Serialize(result, RiskEvalCommand.Json));
        return 0;
    }
}
