using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AdaptiveMooc.ML.Oulad;
using AdaptiveMooc.ML.Practice;

namespace AdaptiveMooc.ML.Cli;

/// <summary>
/// <c>forgetting-fit --oulad DIR</c>: fits the forgetting curve (<see cref="ForgettingFit"/>) on OULAD's
/// scored submissions read as knowledge-tracing answers (<see cref="OuladAnswers"/>: day-resolution
/// timestamps; ASSISTments keeps order only) and prints it with its held-out log-loss beside the
/// constant rate and the observed/fitted rates by gap.
/// </summary>
internal static class ForgettingFitCommand
{
    private const string Usage = "usage: forgetting-fit --oulad DIR";

    public static Task<int> RunAsync(string[] args)
    {
        var options = RiskEvalCommand.ParseOptions(args, Usage, "--oulad");
        if (options is null)
        {
            return Task.FromResult(2);
        }

        if (!options.TryGetValue("--oulad", out var directory) || !Directory.Exists(directory))
        {
            return Task.FromResult(RiskEvalCommand.Fail(Usage, "--oulad must name an OULAD folder"));
        }

        var clock = Stopwatch.StartNew();
        var events = OuladAnswers.Events(OuladDataset.Load(directory));
        var result = ForgettingFit.Fit(events);
        RiskEvalCommand.Log(string.Create(CultureInfo.InvariantCulture,
            $"{events.Count} answers; fitted on {result.Pairs} pairs, held out {result.HeldOut}; {clock.Elapsed.TotalSeconds:F1}s"));
        foreach (var bin in result.Bins)
        {
            RiskEvalCommand.Log(string.Create(CultureInfo.InvariantCulture,
                $"gap {bin.FromDays,3}-{bin.ToDays,-6} days: {bin.Pairs,6} pairs, observed {bin.Observed:F3}, fitted {bin.Fitted:F3}"));
        }

        Console.WriteLine(JsonSerializer.Serialize(result, RiskEvalCommand.Json));
        return Task.FromResult(0);
    }
}
