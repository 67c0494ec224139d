using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AdaptiveMooc.ML.Oulad;
using AdaptiveMooc.ML.Ranking;

namespace AdaptiveMooc.ML.Cli;

/// <summary>
/// <c>next-eval --oulad DIR --train P[,P..] --test P[,P..] [--seed N] [--iterations N] [--extra-days N] [--leaves N] [--negatives N]</c>: trains the next-lesson
/// LambdaRank model on the training presentations, holds out the last active day of every test
/// registration with at least two active days, and prints Recall@10 / NDCG@10 of the model and of the
/// week-popularity baseline as one JSON line.
/// </summary>
internal static class NextEvalCommand
{
    private const string Usage = "usage: next-eval --oulad DIR --train P[,P..] --test P[,P..] [--seed N] [--iterations N] [--extra-days N] [--leaves N] [--negatives N]";

    public static async Task<int> RunAsync(string[] args)
    {
        string? directory = null, train = null, test = null;
        var seed = 42;
        var defaults = new RankingTrainerOptions();
        int iterations = defaults.Iterations, extraDays = defaults.ExtraDaysPerLearner;
        int leaves = defaults.Leaves, negatives = defaults.SampledNegativesPerQuery;
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
        var model = RankingTrainer.Train(trainCourses, options);
        var fitSeconds = fit.Elapsed.TotalSeconds;
        Log($"trained {model.Version} in {fitSeconds:F1}s");

        var score = Stopwatch.StartNew();
        var result = NextLessonEvaluator.Evaluate(model, testCourses, 10, Log);
        var scoreSeconds = score.Elapsed.TotalSeconds;
        Log($"Recall@10 {result.Recall:F4} NDCG@10 {result.Ndcg:F4} (baseline {result.BaselineRecall:F4} / {result.BaselineNdcg:F4}) n={result.N}");

        Console.Out.WriteLine(JsonSerializer.Serialize(new
        {
            recall10 = Round(result.Recall),
            ndcg10 = Round(result.Ndcg),
            baselineRecall10 = Round(result.BaselineRecall),
            baselineNdcg10 = Round(result.BaselineNdcg),
            n = result.N,
            ceilingRecall10 = Round(result.CeilingRecall),
            train = trainFilter.ToString(),
            test = testFilter.ToString(),
            model = model.Version,
            extraDays,
            negatives,
            seed,
            readSeconds = Math.Round(readSeconds, 2),
            fitSeconds = Math.Round(fitSeconds, 2),
            scoreSeconds = Math.Round(scoreSeconds, 2),
            totalSeconds = Math.Round(total.Elapsed.TotalSeconds, 2),
        }));
        return 0;
    }

    private static double Round(double value) => Math.Round(value, 4);

    private static void Log(string message) => Console.Error.WriteLine($"[next-eval] {message}");

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"next-eval: {message}");
        Console.Error.WriteLine(Usage);
        return 2;
    }
}
