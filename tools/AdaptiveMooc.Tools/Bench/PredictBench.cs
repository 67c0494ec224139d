using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AdaptiveMooc.ML.Oulad;
using AdaptiveMooc.ML.Ranking;

namespace AdaptiveMooc.Tools.Bench;

/// <summary>
/// <c>bench predict [--oulad DIR] [--models DIR] [--iterations N]</c>: single-prediction latency of
/// each model beside the cost of the online feature update that feeds it, on real OULAD learners.
/// Uses the trained models in <c>--models</c> (default <c>ml-models/models</c>); a model missing there
/// is trained first on BBB-2013B with the default settings, so its size is the shipped one.
/// </summary>
internal static class PredictBench
{
    private const string Usage = "usage: bench predict [--oulad DIR] [--models DIR] [--iterations N]";
    private const string TrainOn = "BBB-2013B";
    private const string ScoreOn = "BBB-2013J";

    public static async Task<int> RunAsync(string[] args)
    {
        var directory = Environment.GetEnvironmentVariable("MOOC_DATASETS") is { Length: > 0 } datasets
            ? Path.Combine(datasets, "oulad")
            : Path.Combine("..", "shared", "datasets", "oulad");
        var models = Path.Combine("ml-models", "models");
        var iterations = 20_000;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--oulad" when value is not null: directory = value; i++; break;
                case "--models" when value is not null: models = value; i++; break;
                case "--iterations" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out iterations) && iterations > 0: i++; break;
                default:
                    Console.Error.WriteLine($"bench predict: unknown or incomplete option '{args[i]}'");
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }

        if (!Directory.Exists(directory))
        {
            Console.Error.WriteLine($"bench predict: no OULAD folder at {directory} (give --oulad DIR)");
            return 2;
        }

        var rows = new List<BenchRow>();
        rows.AddRange(await RankingAsync(directory, models, iterations));

        Console.Out.WriteLine($"{"model",-10} {"operation",-40} {"n",8} {"p50 µs",10} {"p99 µs",10}");
        foreach (var row in rows)
        {
            Console.Out.WriteLine($"{row.Model,-10} {row.Operation,-40} {row.N,8} {row.P50,10:F2} {row.P99,10:F2}");
        }

        Console.Out.WriteLine(JsonSerializer.Serialize(new
        {
            bench = "predict",
            cores = Environment.ProcessorCount,
            results = rows.Select(r => new { model = r.Model, operation = r.Operation, n = r.N, p50Us = Math.Round(r.P50, 2), p99Us = Math.Round(r.P99, 2) }),
        }));
        return 0;
    }

    private static async Task<IReadOnlyList<BenchRow>> RankingAsync(string directory, string models, int iterations)
    {
        RankingModel model;
        if (File.Exists(Path.Combine(models, RankingModel.ModelFileName)))
        {
            model = RankingModel.Load(models);
            Log($"ranking: loaded {model.Version} from {models}");
        }
        else
        {
            var train = await OuladRankingCourses.LoadAsync(OuladDataset.Load(directory, new OuladPresentationFilter(TrainOn)));
            var clock = Stopwatch.StartNew();
            model = RankingTrainer.Train(train);
            Log($"ranking: no model in {models}; trained {model.Version} on {TrainOn} in {clock.Elapsed.TotalSeconds:F1}s");
        }

        var course = (await OuladRankingCourses.LoadAsync(OuladDataset.Load(directory, new OuladPresentationFilter(ScoreOn))))[0];
        var events = course.Events
            .Select(e => (e.LearnerId, Lesson: e.LessonId!, Day: CourseDay.Of(e.Timestamp, course.Start), e.Count))
            .OrderBy(e => e.Day)
            .ToList();

        // Online feature update: every event of the presentation, in time order, into the learner's
        // state and the course aggregates, as a learner grain and a course grain would apply them.
        var scratch = new CourseRankingStats(course.Candidates);
        var scratchLearner = new LearnerRankingState();
        foreach (var e in events.Take(20_000))
        {
            scratch.Record(scratchLearner, e.Lesson, e.Day, e.Count);
        }

        var stats = new CourseRankingStats(course.Candidates);
        var learners = new Dictionary<string, LearnerRankingState>(StringComparer.Ordinal);
        var update = new double[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (!learners.TryGetValue(e.LearnerId, out var state))
            {
                state = new LearnerRankingState();
                learners.Add(e.LearnerId, state);
            }

            var start = Stopwatch.GetTimestamp();
            stats.Record(state, e.Lesson, e.Day, e.Count);
            update[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        // Single predictions: one learner's full ranking (features of every candidate + scores + top 10),
        // and one candidate's score alone.
        var ids = learners.Keys.Order(StringComparer.Ordinal).ToArray();
        var random = new Random(7);
        using var scorer = model.CreateScorer();
        var features = new float[course.Candidates.Count * RankingFeatures.Count];
        for (var w = 0; w < 200; w++)
        {
            var state = learners[ids[random.Next(ids.Length)]];
            scorer.Rank(state, stats, state.CurrentDay + 1, 10);
        }

        var rank = new double[iterations / 10];
        for (var i = 0; i < rank.Length; i++)
        {
            var state = learners[ids[random.Next(ids.Length)]];
            var start = Stopwatch.GetTimestamp();
            scorer.Rank(state, stats, state.CurrentDay + 1, 10);
            rank[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        var featureTimes = new double[iterations / 10];
        for (var i = 0; i < featureTimes.Length; i++)
        {
            var state = learners[ids[random.Next(ids.Length)]];
            var start = Stopwatch.GetTimestamp();
            RankingFeatures.Compute(state, stats, state.CurrentDay + 1, features);
            featureTimes[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        var single = new double[iterations];
        for (var i = 0; i < single.Length; i++)
        {
            var candidate = random.Next(course.Candidates.Count);
            var start = Stopwatch.GetTimestamp();
            scorer.Score(features.AsSpan(candidate * RankingFeatures.Count, RankingFeatures.Count));
            single[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        var n = course.Candidates.Count;
        return
        [
            Row("ranking", "feature update (one event)", update),
            Row("ranking", $"features, all {n} candidates", featureTimes),
            Row("ranking", "score one candidate", single),
            Row("ranking", $"rank one learner ({n} candidates, top 10)", rank),
        ];
    }

    private static BenchRow Row(string model, string operation, double[] micros)
    {
        Array.Sort(micros);
        return new BenchRow(model, operation, micros.Length, Percentile(micros, 0.50), Percentile(micros, 0.99));
    }

    private static double Percentile(double[] sorted, double q) =>
        sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];

    private static void Log(string message) => Console.Error.WriteLine($"[bench predict] {message}");

    private sealed record BenchRow(string Model, string Operation, int N, double P50, double P99);
}
