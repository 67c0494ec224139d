using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AdaptiveMooc.ML.Oulad;
using AdaptiveMooc.ML.Ranking;

namespace AdaptiveMooc.ML.Cli;

/// <summary>
/// <c>next-eval --oulad DIR --train P[,P..] --test P[,P..] [--time-ordered | --pooled | --both] [--seed N] [--iterations N] [--extra-days N] [--leaves N] [--negatives N]</c>:
/// trains the next-lesson LambdaRank model on the training presentations, holds out the last active
/// day of every test registration with at least two active days, and prints Recall@10 / NDCG@10 of the
/// model and of the week-popularity baseline as one JSON line. The course aggregates (model features and
/// baseline alike, in training and in testing) are time-ordered by default (rows dated before each
/// case's day); <c>--pooled</c> builds them from every row not held out; <c>--both</c> reports both
/// protocols side by side, and the pooled-trained model scored in the time-ordered protocol.
/// </summary>
internal static class NextEvalCommand
{
    private const string Usage = "usage: next-eval --oulad DIR --train P[,P..] --test P[,P..] [--time-ordered | --pooled | --both] [--seed N] [--iterations N] [--extra-days N] [--leaves N] [--negatives N]";

    public static async Task<int> RunAsync(string[] args)
    {
        string? directory = null, train = null, test = null;
        var seed = 42;
        var defaults = new RankingTrainerOptions();
        int iterations = defaults.Iterations, extraDays = defaults.ExtraDaysPerLearner;
        int leaves = defaults.Leaves, negatives = defaults.SampledNegativesPerQuery;
        NextLessonStatistics[] protocols = [NextLessonStatistics.TimeOrdered];
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--oulad" when value is not null: directory = value; i++; break;
                case "--train" when value is not null: train = value; i++; break;
                case "--test" when value is not null: test = value; i++; break;
                case "--iterations" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out iterations) && iterations > 0: i++; break;
                case "--extra-days" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out extraDays) && extraDays >= 0: i++; break;
                case "--leaves" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out leaves) && leaves > 1: i++; break;
                case "--negatives" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out negatives) && negatives >= 0: i++; break;
                case "--time-ordered": protocols = [NextLessonStatistics.TimeOrdered]; break;
                case "--pooled": protocols = [NextLessonStatistics.Pooled]; break;
                case "--both": protocols = [NextLessonStatistics.TimeOrdered, NextLessonStatistics.Pooled]; break;
                case "--seed" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out seed): i++; break;
                default:
                    return Fail($"unknown or incomplete option '{args[i]}'");
            }
        }

        if (directory is null || train is null || test is null)
        {
            return Fail("--oulad, --train and --test are required");
        }

        if (!Directory.Exists(directory))
        {
            return Fail($"--oulad: no folder {directory}");
        }

        var total = Stopwatch.StartNew();
        var trainFilter = new OuladPresentationFilter(train);
        var testFilter = new OuladPresentationFilter(test);
        var trainCourses = await OuladRankingCourses.LoadAsync(OuladDataset.Load(directory, trainFilter));
        var testCourses = await OuladRankingCourses.LoadAsync(OuladDataset.Load(directory, testFilter));
        var overlap = trainCourses.Select(c => c.CourseId).Intersect(testCourses.Select(c => c.CourseId)).ToList();
        if (overlap.Count > 0)
        {
            return Fail($"--train and --test share {string.Join(',', overlap)}");
        }

        var readSeconds = total.Elapsed.TotalSeconds;
        Log($"read {trainCourses.Sum(c => c.Events.Count)} training and {testCourses.Sum(c => c.Events.Count)} test click events in {readSeconds:F1}s");

        var fit = Stopwatch.StartNew();
        var options = defaults with
        {
            Seed = seed,
            Iterations = iterations,
            ExtraDaysPerLearner = extraDays,
            Leaves = leaves,
            SampledNegativesPerQuery = negatives,
        };
        var models = new Dictionary<NextLessonStatistics, RankingModel>();
        foreach (var protocol in protocols)
        {
            models[protocol] = RankingTrainer.Train(trainCourses, options with { Statistics = protocol });
            Log($"trained {models[protocol].Version} ({Name(protocol)} aggregates) at {fit.Elapsed.TotalSeconds:F1}s");
        }

        var fitSeconds = fit.Elapsed.TotalSeconds;
        var score = Stopwatch.StartNew();
        var results = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var protocol in protocols)
        {
            var result = NextLessonEvaluator.Evaluate(models[protocol], testCourses, 10, Log, protocol);
            Log($"{Name(protocol)}: Recall@10 {result.Recall:F4} NDCG@10 {result.Ndcg:F4} (baseline {result.BaselineRecall:F4} / {result.BaselineNdcg:F4}) n={result.N}");
            results[Name(protocol)] = Describe(result, models[protocol]);
        }

        if (protocols.Length > 1)
        {
            // Today's way of training, measured as it will serve.
            var crossed = NextLessonEvaluator.Evaluate(models[NextLessonStatistics.Pooled], testCourses, 10, Log, NextLessonStatistics.TimeOrdered);
            Log($"pooled-trained model, time-ordered test: Recall@10 {crossed.Recall:F4} NDCG@10 {crossed.Ndcg:F4}");
            results["pooledTrainedTimeOrderedTest"] = Describe(crossed, models[NextLessonStatistics.Pooled]);
        }

        var scoreSeconds = score.Elapsed.TotalSeconds;
        var output = new Dictionary<string, object>(StringComparer.Ordinal);
        if (protocols.Length == 1)
        {
            foreach (var (key, value) in (Dictionary<string, object>)results[Name(protocols[0])])
            {
                output[key] = value;
            }

            output["protocol"] = Name(protocols[0]);
        }
        else
        {
            foreach (var (key, value) in results)
            {
                output[key] = value;
            }

            output["protocol"] = "both";
        }

        output["train"] = trainFilter.ToString();
        output["test"] = testFilter.ToString();
        output["extraDays"] = extraDays;
        output["negatives"] = negatives;
        output["seed"] = seed;
        output["readSeconds"] = Math.Round(readSeconds, 2);
        output["fitSeconds"] = Math.Round(fitSeconds, 2);
        output["scoreSeconds"] = Math.Round(scoreSeconds, 2);
        output["totalSeconds"] = Math.Round(total.Elapsed.TotalSeconds, 2);
        Console.Out.WriteLine(JsonSerializer.Serialize(output));
        return 0;
    }

    private static double Round(double value) => Math.Round(value, 4);

    private static string Name(NextLessonStatistics protocol) => protocol == NextLessonStatistics.TimeOrdered ? "timeOrdered" : "pooled";

    /// <summary>The figures of one protocol, with the model's relative margin over the baseline.</summary>
    private static Dictionary<string, object> Describe(NextLessonResult result, RankingModel model) => new(StringComparer.Ordinal)
    {
        ["recall10"] = Round(result.Recall),
        ["ndcg10"] = Round(result.Ndcg),
        ["baselineRecall10"] = Round(result.BaselineRecall),
        ["baselineNdcg10"] = Round(result.BaselineNdcg),
        ["recallMarginPercent"] = result.BaselineRecall > 0 ? Math.Round(100 * ((result.Recall / result.BaselineRecall) - 1), 1) : double.NaN,
        ["ndcgMarginPercent"] = result.BaselineNdcg > 0 ? Math.Round(100 * ((result.Ndcg / result.BaselineNdcg) - 1), 1) : double.NaN,
        ["n"] = result.N,
        ["ceilingRecall10"] = Round(result.CeilingRecall),
        ["model"] = model.Version,
    };

    private static void Log(string message) => Console.Error.WriteLine($"[next-eval] {message}");

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"next-eval: {message}");
        Console.Error.WriteLine(Usage);
        return 2;
    }
}
