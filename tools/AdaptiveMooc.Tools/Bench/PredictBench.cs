using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AdaptiveMooc.ML.Events;
using AdaptiveMooc.ML.KnowledgeTracing;
using AdaptiveMooc.ML.Oulad;
using AdaptiveMooc.ML.Pacing;
using AdaptiveMooc.ML.Ranking;
using AdaptiveMooc.ML.Risk;
using AdaptiveMooc.ML.Training;

namespace AdaptiveMooc.Tools.Bench;

/// <summary>
/// <c>bench predict [--oulad DIR] [--models DIR] [--iterations N]</c>: single-prediction latency and
/// throughput of each model (knowledge tracing, risk, pacing, ranking) and the cost of the online
/// state update that feeds it, on real OULAD learners, each beside a trivial baseline timed the same
/// way in the same run (the ratio says what the model costs over "no model"). Uses the trained models
/// in <c>--models</c> (default <c>ml-models/models</c>); a model missing there is trained first on
/// BBB-2013B with the default settings, so its size is the shipped one.
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
        rows.AddRange(KnowledgeTracing(directory, models, iterations));
        rows.AddRange(await RiskAndPacingAsync(directory, models, iterations));
        rows.AddRange(await RankingAsync(directory, models, iterations));

        Console.Out.WriteLine($"{"model",-8} {"operation",-46} {"n",7} {"p50 µs",9} {"p99 µs",10} {"mean µs",9} {"per s",9}  {"baseline",-30} {"mean µs",8} {"ratio",7}");
        foreach (var row in rows)
        {
            var baseline = row.Baseline is { } b ? $"{b.Operation,-30} {b.MeanUs,8:F3} {row.MeanUs / b.MeanUs,7:F0}" : string.Empty;
            Console.Out.WriteLine($"{row.Model,-8} {row.Operation,-46} {row.N,7} {row.P50,9:F1} {row.P99,10:F1} {row.MeanUs,9:F3} {1e6 / row.MeanUs,9:F0}  {baseline}");
        }

        Console.Out.WriteLine(JsonSerializer.Serialize(new
        {
            bench = "predict",
            cores = Environment.ProcessorCount,
            results = rows.Select(r => new
            {
                model = r.Model,
                operation = r.Operation,
                n = r.N,
                p50Us = Math.Round(r.P50, 2),
                p99Us = Math.Round(r.P99, 2),
                meanUs = Math.Round(r.MeanUs, 4),
                perSecond = Math.Round(1e6 / r.MeanUs),
                baseline = r.Baseline?.Operation,
                baselineMeanUs = r.Baseline is { } b ? Math.Round(b.MeanUs, 4) : (double?)null,
                baselinePerSecond = r.Baseline is { } c ? Math.Round(1e6 / c.MeanUs) : (double?)null,
                ratio = r.Baseline is { } d ? Math.Round(r.MeanUs / d.MeanUs, 1) : (double?)null,
            }),
        }));
        return 0;
    }

    /// <summary>
    /// Knowledge tracing on the scored submissions of <see cref="ScoreOn"/> (OuladAnswers): every answer
    /// is predicted, then applied to the learner's state, in time order, as the learner grain does.
    /// Baseline: the learner's running success rate (two counters).
    /// </summary>
    private static IReadOnlyList<BenchRow> KnowledgeTracing(string directory, string models, int iterations)
    {
        KnowledgeTracingModel model;
        if (File.Exists(Path.Combine(models, KnowledgeTracingModel.PriorsFile)))
        {
            model = KnowledgeTracingModel.Load(models);
            Log($"knowledge tracing: loaded from {models} (classifier: {model.HasClassifier})");
        }
        else
        {
            var clock = Stopwatch.StartNew();
            model = KnowledgeTracingTrainer.Train(OuladAnswers.Events(OuladDataset.Load(directory, new OuladPresentationFilter(TrainOn)))).Model;
            Log($"knowledge tracing: no model in {models}; trained on {TrainOn} in {clock.Elapsed.TotalSeconds:F1}s");
        }

        var answers = OuladAnswers.Events(OuladDataset.Load(directory, new OuladPresentationFilter(ScoreOn)))
            .OrderBy(e => e.Timestamp).ThenBy(e => e.LearnerId, StringComparer.Ordinal).ToList();
        var states = new Dictionary<string, LearnerKnowledgeState>(StringComparer.Ordinal);
        var counters = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var predict = new List<double>();
        var update = new List<double>();
        double sink = 0;

        // A warm-up pass over the first answers, then whole passes over the presentation's answers (states
        // restart each pass) until enough predictions are timed.
        for (var pass = 0; (pass == 0 || predict.Count < iterations) && answers.Count > 0; pass++)
        {
            states.Clear();
            counters.Clear();
            foreach (var e in pass == 0 ? answers.Take(500) : answers)
            {
                if (!states.TryGetValue(e.LearnerId, out var state))
                {
                    state = new LearnerKnowledgeState();
                    states.Add(e.LearnerId, state);
                    counters.Add(e.LearnerId, new int[2]);
                }

                var counter = counters[e.LearnerId];
                var start = Stopwatch.GetTimestamp();
                sink += model.PredictCorrect(state, e.Skills, e.ItemId);
                var predicted = Stopwatch.GetTimestamp();
                model.Apply(state, e);
                var applied = Stopwatch.GetTimestamp();
                counter[0]++;
                counter[1] += e.Success == true ? 1 : 0;
                if (pass > 0)
                {
                    predict.Add(Micros(start, predicted));
                    update.Add(Micros(predicted, applied));
                }
            }
        }

        // Batch means (one timer around the whole loop): the baselines take a few nanoseconds, below the
        // timer's resolution per call. Predictions read the states at the end of the last pass.
        var predictMean = BatchMean(answers.Count, i => sink += model.PredictCorrect(states[answers[i].LearnerId], answers[i].Skills, answers[i].ItemId));
        var rateMean = BatchMean(answers.Count, i =>
        {
            var c = counters[answers[i].LearnerId];
            sink += (c[1] + 1.0) / (c[0] + 2.0);
        });
        var fresh = states.Keys.ToDictionary(k => k, _ => new LearnerKnowledgeState(), StringComparer.Ordinal);
        var freshCounters = states.Keys.ToDictionary(k => k, _ => new int[2], StringComparer.Ordinal);
        var updateMean = BatchMean(answers.Count, i => model.Apply(fresh[answers[i].LearnerId], answers[i]));
        var countMean = BatchMean(answers.Count, i =>
        {
            var c = freshCounters[answers[i].LearnerId];
            c[0]++;
            c[1] += answers[i].Success == true ? 1 : 0;
        });
        GC.KeepAlive(sink);
        var kind = model.HasClassifier ? "LightGBM" : "BKT cold start";
        return
        [
            Row("kt", "state update (one answer)", update, updateMean, new BenchBaseline("running-rate counters", countMean)),
            Row("kt", $"P(correct) of the next answer ({kind})", predict, predictMean, new BenchBaseline("running success rate", rateMean)),
        ];
    }

    /// <summary>
    /// Risk and pacing on <see cref="ScoreOn"/>: every event applied to the learner's engagement and
    /// pacing states in time order (baseline: one click counter), the feature vector at day 28
    /// (raw + cohort percentiles), a risk score with its reasons (baseline: the −clicks-percentile
    /// floor, no model) and a pacing prediction for the next assessment (baseline: the protocol's
    /// baseline, the learner's mean lateness else the training prior).
    /// </summary>
    private static async Task<IReadOnlyList<BenchRow>> RiskAndPacingAsync(string directory, string models, int iterations)
    {
        const int Day = 28;
        var train = OuladDataset.Load(directory, new OuladPresentationFilter(TrainOn));
        RiskModel risk;
        PacingModel pacing;
        if (File.Exists(RiskModel.ModelPath(models, "risk")) && File.Exists(Path.Combine(models, "pacing.json")))
        {
            risk = RiskModel.Load(models, "risk");
            pacing = PacingModel.Load(models);
            Log($"risk, pacing: loaded from {models}");
        }
        else
        {
            var clock = Stopwatch.StartNew();
            var samples = await OuladFeatureExtractor.RiskSamplesAsync(train, RiskModel.TrainingDaysAround(Day));
            risk = RiskModel.Train([.. samples.Select(s => s.Features)], [.. samples.Select(s => s.Registration.AtRisk)], new RiskModelInfo("at-risk", RiskModel.TrainingDaysAround(Day), TrainOn));
            pacing = PacingModel.Train(PacingEvaluation.Examples(await OuladFeatureExtractor.PacingPairsAsync(train)), TrainOn);
            Log($"risk, pacing: no models in {models}; trained on {TrainOn} in {clock.Elapsed.TotalSeconds:F1}s");
        }

        var test = OuladDataset.Load(directory, new OuladPresentationFilter(ScoreOn));
        var presentation = test.Presentations[0];
        var schedule = test.ScheduleOf(presentation);
        var histories = await test.HistoriesAsync(presentation);

        var update = new List<double>();
        var rawTimes = new List<double>();
        var raws = new List<float[]>();
        var states = new List<(EngagementState Engagement, LearnerPacingState Pacing)>();
        long clicks = 0;
        foreach (var history in histories)
        {
            var engagement = new EngagementState { EnrolledDay = history.Registration.RegistrationDay, WeeklyStudyHours = history.Registration.WeeklyStudyHours(presentation.LengthDays) };
            var pacingState = new LearnerPacingState();
            foreach (var e in history.Events.Where(e => schedule.DayOf(e.Timestamp) < Day))
            {
                var start = Stopwatch.GetTimestamp();
                engagement.Apply(e, schedule);
                pacingState.Apply(e, schedule);
                var applied = Stopwatch.GetTimestamp();
                clicks += e.Count;
                update.Add(Micros(start, applied));
            }

            if (history.Registration.RegisteredAt(Day))
            {
                var start = Stopwatch.GetTimestamp();
                raws.Add(RiskFeatures.Raw(engagement, pacingState, schedule, Day));
                rawTimes.Add(Micros(start, Stopwatch.GetTimestamp()));
                states.Add((engagement, pacingState));
            }
        }

        GC.KeepAlive(clicks);
        var cohortStart = Stopwatch.GetTimestamp();
        var cohort = CohortStats.From(raws);
        var cohortTime = Micros(cohortStart, Stopwatch.GetTimestamp());
        var complete = new List<double>();
        var vectors = new List<float[]>();
        foreach (var raw in raws)
        {
            var start = Stopwatch.GetTimestamp();
            vectors.Add(RiskFeatures.Complete(raw, cohort));
            complete.Add(Micros(start, Stopwatch.GetTimestamp()));
        }

        var next = OuladFeatureExtractor.PacedAssessments(test.AssessmentsOf(presentation)).First(a => a.Assessment.Deadline > Day);
        var context = new PacingContext(presentation.Module, next.Assessment.Type, next.Position, next.Assessment.Deadline!.Value, next.Assessment.Weight);
        var random = new Random(7);
        double sink = 0;
        for (var w = 0; w < 200; w++)
        {
            var v = vectors[random.Next(vectors.Count)];
            sink += risk.Score(v).Risk + pacing.Predict(v, context).LateOrMissingProbability;
        }

        var score = new double[iterations];
        var pace = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var v = vectors[random.Next(vectors.Count)];
            var t0 = Stopwatch.GetTimestamp();
            sink += risk.Score(v).Risk;
            var t1 = Stopwatch.GetTimestamp();
            sink += pacing.Predict(v, context).ExpectedLatenessDays;
            score[i] = Micros(t0, t1);
            pace[i] = Micros(t1, Stopwatch.GetTimestamp());
        }

        // Batch means for the ratios (the baselines are below the timer's resolution per call).
        var stream = histories
            .SelectMany((h, index) => h.Events.Where(e => schedule.DayOf(e.Timestamp) < Day).Select(e => (Index: index, Event: e)))
            .ToList();
        var engagements = histories.Select(h => new EngagementState { EnrolledDay = h.Registration.RegistrationDay, WeeklyStudyHours = h.Registration.WeeklyStudyHours(presentation.LengthDays) }).ToArray();
        var pacings = histories.Select(_ => new LearnerPacingState()).ToArray();
        var counts = new long[histories.Count];
        var updateMean = BatchMean(stream.Count, i =>
        {
            var (index, e) = stream[i];
            engagements[index].Apply(e, schedule);
            pacings[index].Apply(e, schedule);
        });
        var countMean = BatchMean(stream.Count, i => counts[stream[i].Index] += stream[i].Event.Count);
        var picks = Enumerable.Range(0, iterations).Select(_ => vectors[random.Next(vectors.Count)]).ToArray();
        var scoreMean = BatchMean(picks.Length, i => sink += risk.Score(picks[i]).Risk);
        var floorMean = BatchMean(picks.Length, i => sink -= picks[i][RiskFeatures.ClicksPercentile]);
        var paceMean = BatchMean(picks.Length, i => sink += pacing.Predict(picks[i], context).ExpectedLatenessDays);
        var paceBaselineMean = BatchMean(picks.Length, i => sink += PacingFeatures.Baseline(picks[i], pacing.PriorFor(context)));
        GC.KeepAlive(counts);
        GC.KeepAlive(sink);
        Log($"risk, pacing: {histories.Count} registrations of {ScoreOn}, {update.Count} events before day {Day}, cohort of {raws.Count} built in {cohortTime:F0} µs");
        return
        [
            Row("risk", "state update (one event: engagement + pacing)", update, updateMean, new BenchBaseline("click counter", countMean)),
            Row("risk", $"raw features at day {Day}", rawTimes),
            Row("risk", $"cohort percentiles ({raws.Count} learners)", complete),
            Row("risk", "score + 3 reasons (LightGBM + contributions)", score, scoreMean, new BenchBaseline("-clicks percentile (no model)", floorMean)),
            Row("pacing", "P(late) + expected day (2 LightGBM)", pace, paceMean, new BenchBaseline("mean lateness else prior", paceBaselineMean)),
        ];
    }

    private static double Micros(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMicroseconds;

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

        var sample = Enumerable.Range(0, iterations / 10).Select(_ => learners[ids[random.Next(ids.Length)]]).ToArray();
        var sink = 0;
        var rankMean = BatchMean(sample.Length, i => sink += scorer.Rank(sample[i], stats, sample[i].CurrentDay + 1, 10).Count);
        var popularityMean = BatchMean(sample.Length, i => sink += PopularityBaseline.Rank(stats, sample[i].CurrentDay + 1, 10).Count);
        GC.KeepAlive(sink);
        var n = course.Candidates.Count;
        return
        [
            Row("ranking", "feature update (one event)", update),
            Row("ranking", $"features, all {n} candidates", featureTimes),
            Row("ranking", "score one candidate", single),
            Row("ranking", $"rank one learner ({n} candidates, top 10)", rank, rankMean, new BenchBaseline("week popularity top 10", popularityMean)),
        ];
    }

    /// <summary>A row from per-call times; <paramref name="batchMean"/> (µs per call, timed as one loop) when measured.</summary>
    private static BenchRow Row(string model, string operation, IEnumerable<double> micros, double? batchMean = null, BenchBaseline? baseline = null)
    {
        var sorted = micros.ToArray();
        Array.Sort(sorted);
        return new BenchRow(model, operation, sorted.Length, Percentile(sorted, 0.50), Percentile(sorted, 0.99), batchMean ?? sorted.Average(), baseline);
    }

    /// <summary>Mean µs per call of <paramref name="operation"/> over <paramref name="n"/> calls timed as one loop.</summary>
    private static double BatchMean(int n, Action<int> operation)
    {
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < n; i++)
        {
            operation(i);
        }

        return Stopwatch.GetElapsedTime(start).TotalMicroseconds / Math.Max(1, n);
    }

    private static double Percentile(double[] sorted, double q) =>
        sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];

    private static void Log(string message) => Console.Error.WriteLine($"[bench predict] {message}");

    /// <summary>One timed operation: per-call p50/p99, and the mean (batch-timed where a baseline is compared; per second = 1 / mean, one thread).</summary>
    private sealed record BenchRow(string Model, string Operation, int N, double P50, double P99, double MeanUs, BenchBaseline? Baseline);

    /// <summary>The trivial operation a row is compared with, batch-timed in the same run.</summary>
    private sealed record BenchBaseline(string Operation, double MeanUs);
}
