using System.Globalization;
using System.Text.Json;
using AdaptiveMooc.ML.Oulad;
using AdaptiveMooc.ML.Risk;
using AdaptiveMooc.ML.Training;

namespace AdaptiveMooc.ML.Cli;

/// <summary>
/// <c>risk-eval --oulad DIR --train P[,P..] --test P[,P..] --cutoff DAY --target withdrawn|at-risk [--seed N]</c>:
/// trains the risk model on the training presentations and prints its figures on the test ones,
/// beside the count-based logistic regression and the clicks-percentile floor.
/// With <c>--cv modules</c> instead of <c>--test</c>: module-held-out cross-validation inside the
/// training presentations (what settings are chosen with): one fold per module, every presentation of
/// it held out together, plus, when the training presentations span several presentation ids, a
/// time-ordered check (earlier ids → the latest, modules seen in training only).
/// <c>--blank NAME[,NAME..]</c> (feature names of <see cref="RiskFeatures.Names"/>) sets those features
/// to missing in training and test alike: an ablation of what they add.
/// </summary>
internal static class RiskEvalCommand
{
    private const string Usage = "usage: risk-eval --oulad DIR --train P[,P..] (--test P[,P..] | --cv modules) --cutoff DAY --target withdrawn|at-risk [--seed N] [--blank FEATURE[,FEATURE..]]";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = ParseOptions(args, Usage, "--oulad", "--train", "--test", "--cutoff", "--target", "--seed", "--cv", "--blank");
        if (options is null)
        {
            return 2;
        }

        if (!options.TryGetValue("--cutoff", out var cutoffText) || !int.TryParse(cutoffText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var cutoff) || cutoff <= 0)
        {
            return Fail(Usage, "--cutoff must be a positive day number");
        }

        RiskTarget target;
        try
        {
            target = RiskTargets.Parse(options.GetValueOrDefault("--target"));
        }
        catch (ArgumentException e)
        {
            return Fail(Usage, e.Message.Split(" (")[0]);
        }

        var blank = new List<int>();
        foreach (var name in options.GetValueOrDefault("--blank", "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var column = RiskFeatures.Names.ToList().IndexOf(name);
            if (column < 0)
            {
                return Fail(Usage, $"--blank: no feature named '{name}'");
            }

            blank.Add(column);
        }

        if (blank.Count > 0)
        {
            Log($"blanked: {string.Join(',', blank.Select(c => RiskFeatures.Names[c]))}");
        }

        if (options.TryGetValue("--cv", out var cv))
        {
            return await CrossValidateAsync(options, cv, cutoff, target, blank);
        }

        if (LoadSplit(options, Usage) is not { } split)
        {
            return 2;
        }

        var (result, _) = await RiskEvaluation.RunAsync(split.Train, split.Test, cutoff, target, Seed(options), Log, blank: blank);
        Console.WriteLine(JsonSerializer.Serialize(result, Json));
        return 0;
    }

    private static async Task<int> CrossValidateAsync(Dictionary<string, string> options, string cv, int cutoff, RiskTarget target, List<int> blank)
    {
        if (cv != "modules" || options.ContainsKey("--test"))
        {
            return Fail(Usage, "--cv takes 'modules' and replaces --test");
        }

        if (!options.TryGetValue("--oulad", out var directory) || !Directory.Exists(directory) || !options.TryGetValue("--train", out var train))
        {
            return Fail(Usage, "--oulad must name an OULAD folder and --train is required");
        }

        try
        {
            var dataset = OuladDataset.Load(directory, new OuladPresentationFilter(train));
            var result = await RiskEvaluation.ModuleCrossValidationAsync(dataset, cutoff, target, Seed(options), Log, blank: blank);
            Console.WriteLine(JsonSerializer.Serialize(result, Json));
            return 0;
        }
        catch (InvalidDataException e)
        {
            return Fail(Usage, e.Message);
        }
    }

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    internal static void Log(string message) => Console.Error.WriteLine(message);

    internal static int Seed(Dictionary<string, string> options) =>
        options.TryGetValue("--seed", out var text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : RiskModel.DefaultSeed;

    internal static int Fail(string usage, string message)
    {
        Console.Error.WriteLine(message);
        Console.Error.WriteLine(usage);
        return 2;
    }

    /// <summary>Parses <c>--name value</c> pairs, accepting only <paramref name="allowed"/>; null (after printing why) when invalid.</summary>
    internal static Dictionary<string, string>? ParseOptions(string[] args, string usage, params string[] allowed)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!allowed.Contains(args[i]) || i + 1 >= args.Length)
            {
                Fail(usage, $"unknown or incomplete option '{args[i]}'");
                return null;
            }

            options[args[i]] = args[++i];
        }

        return options;
    }

    /// <summary>Loads <c>--oulad</c> twice, filtered by <c>--train</c> and <c>--test</c>, refusing overlaps.</summary>
    internal static (OuladDataset Train, OuladDataset Test)? LoadSplit(Dictionary<string, string> options, string usage)
    {
        if (!options.TryGetValue("--oulad", out var directory) || !Directory.Exists(directory))
        {
            Fail(usage, "--oulad must name an OULAD folder");
            return null;
        }

        if (!options.TryGetValue("--train", out var train) || !options.TryGetValue("--test", out var test))
        {
            Fail(usage, "--train and --test are required");
            return null;
        }

        try
        {
            var trainSet = OuladDataset.Load(directory, new OuladPresentationFilter(train));
            var testSet = OuladDataset.Load(directory, new OuladPresentationFilter(test));
            var overlap = trainSet.Presentations.Select(p => p.Key).Intersect(testSet.Presentations.Select(p => p.Key)).ToList();
            if (overlap.Count > 0)
            {
                Fail(usage, $"presentations in both --train and --test: {string.Join(',', overlap)}");
                return null;
            }

            Log($"train: {RiskEvaluationDescribe(trainSet)}; test: {RiskEvaluationDescribe(testSet)}");
            return (trainSet, testSet);
        }
        catch (Exception e) when (e is InvalidDataException or FileNotFoundException or FormatException)
        {
            Fail(usage, e.Message);
            return null;
        }
    }

    private static string RiskEvaluationDescribe(OuladDataset dataset) => string.Join(',', dataset.Presentations.Select(p => p.Key));
}
