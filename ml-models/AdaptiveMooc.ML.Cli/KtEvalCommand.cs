using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AdaptiveMooc.ML.KnowledgeTracing;

namespace AdaptiveMooc.ML.Cli;

/// <summary>
/// <c>kt-eval --format akt|dkvmn|piech --train F[,F..] --test F [--always-train F] [--seed N]</c>:
/// trains the knowledge-tracing model and the BKT baseline on the training files' learners, scores
/// every answer but the first of each test learner, prints one JSON line of figures.
/// </summary>
internal static class KtEvalCommand
{
    private const string Usage = "usage: kt-eval --format akt|dkvmn|piech --train F[,F..] --test F [--always-train F] [--seed N]";

    public static Task<int> RunAsync(string[] args)
    {
        string? format = null, train = null, test = null, alwaysTrain = null;
        var seed = 1;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--format": format = value; i++; break;
                case "--train": train = value; i++; break;
                case "--test": test = value; i++; break;
                case "--always-train": alwaysTrain = value; i++; break;
                case "--seed" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out seed): i++; break;
                default:
                    return Fail($"unknown or incomplete option '{args[i]}'");
            }
        }
        KtFormat kind;
        switch (format)
        {
            case "akt": kind = KtFormat.Akt; break;
            case "dkvmn": kind = KtFormat.Dkvmn; break;
            case "piech": kind = KtFormat.Piech; break;
            default: return Fail("--format must be akt, dkvmn or piech");
        }
        if (string.IsNullOrWhiteSpace(train) || string.IsNullOrWhiteSpace(test)) return Fail("--train and --test are required");

        var trainFiles = Split(train).Concat(alwaysTrain is null ? [] : Split(alwaysTrain)).ToList();
        var testFiles = Split(test).ToList();
        foreach (var file in trainFiles.Concat(testFiles))
        {
            if (!File.Exists(file)) return Fail($"file not found: {file}");
        }
        var clash = trainFiles.Select(Path.GetFullPath).Intersect(testFiles.Select(Path.GetFullPath)).FirstOrDefault();
        if (clash is not null) return Fail($"{clash} is both a training and a test file");

        var total = Stopwatch.StartNew();
        var trainEvents = KtDatasetAdapter.ReadEvents(trainFiles, kind).ToList();
        var testEvents = KtDatasetAdapter.ReadEvents(testFiles, kind).ToList();
        var readSeconds = total.Elapsed.TotalSeconds;
        Log($"read {trainEvents.Count} training and {testEvents.Count} test interactions ({format}) in {readSeconds:F1}s");

        var evaluation = KnowledgeTracingTrainer.Evaluate(trainEvents, testEvents, new KtTrainerOptions { Seed = seed, Log = Log });
        var m = evaluation.Metrics;
        Log($"AUC {m.Auc:F4} RMSE {m.Rmse:F4} (BKT {m.BktAuc:F4} / {m.BktRmse:F4}) on n={m.N}");

        Console.Out.WriteLine(JsonSerializer.Serialize(new
        {
            auc = Round(m.Auc),
            rmse = Round(m.Rmse),
            n = m.N,
            bktAuc = Round(m.BktAuc),
            bktRmse = Round(m.BktRmse),
            format,
            trainInteractions = trainEvents.Count,
            testInteractions = testEvents.Count,
            trainingExamples = evaluation.TrainingExamples,
            seed,
            readSeconds = Math.Round(readSeconds, 2),
            fitSeconds = Math.Round(evaluation.FitSeconds, 2),
            scoreSeconds = Math.Round(evaluation.ScoreSeconds, 2),
            totalSeconds = Math.Round(total.Elapsed.TotalSeconds, 2),
        }));
        return Task.FromResult(0);
    }

    private static IEnumerable<string> Split(string files) =>
        files.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    // NaN (e.g. AUC of a test set with one class) is not valid JSON: it is written as null.
    private static double? Round(double value) => double.IsNaN(value) ? null : Math.Round(value, 6);

    private static void Log(string message) => Console.Error.WriteLine($"kt-eval: {message}");

    private static Task<int> Fail(string message)
    {
        Console.Error.WriteLine($"kt-eval: {message}");
        Console.Error.WriteLine(Usage);
        return Task.FromResult(2);
    }
}
