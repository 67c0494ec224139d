using System.Globalization;
using System.Text;
using AdaptiveMooc.ML.Evaluation;
using AdaptiveMooc.ML.Events;
using AdaptiveMooc.ML.KnowledgeTracing;
using AdaptiveMooc.ML.Pacing;
using AdaptiveMooc.ML.Ranking;
using AdaptiveMooc.ML.Risk;

namespace AdaptiveMooc.ML.Training;

/// <summary>
/// One retraining run over the platform's own statements (docs/ML.md, "Retraining loop"): for each of
/// the five serving models it builds a time split (training examples from the statements before a
/// cut-off, test examples predicted in the most recent <see cref="RetrainingOptions.TestWeeks"/> weeks),
/// trains a candidate on the past, measures the candidate and the model serving now (the files of the
/// incumbent folder, or what serves without one) on the same test examples, and decides: promoted when
/// the candidate's primary metric is not worse than the incumbent's by more than
/// <see cref="RetrainingOptions.Tolerance"/>, refused otherwise, skipped when the data cannot train or
/// judge it. The candidate judged is the candidate promoted (it is not refitted on the test weeks), so
/// what serves is what was measured. Files are written under the candidate folder, one sub-folder per model.
/// </summary>
public static class ModelRetrainer
{
    public const string KnowledgeTracingName = "knowledge-tracing";
    public const string RankingName = "ranking";
    public const string AtRiskName = "at-risk";
    public const string WithdrawnName = "withdrawn";
    public const string PacingName = "pacing";

    /// <summary>The serving files of each model, as the silo's model catalog knows them.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Files { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        [KnowledgeTracingName] = [KnowledgeTracingModel.PriorsFile, KnowledgeTracingModel.ClassifierFile],
        [RankingName] = [RankingModel.ModelFileName, RankingModel.ManifestFileName],
        [AtRiskName] = ["risk.zip", "risk.json"],
        [WithdrawnName] = ["dropout.zip", "dropout.json"],
        [PacingName] = ["pacing-late.zip", "pacing-days.zip", "pacing.json"],
    };

    /// <summary>The primary metric of each model (higher is better for all).</summary>
    public static IReadOnlyDictionary<string, string> Metrics { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [KnowledgeTracingName] = "auc",
        [RankingName] = "ndcg@10",
        [AtRiskName] = "auc",
        [WithdrawnName] = "auc",
        [PacingName] = "lateAuc",
    };

    /// <summary>What the figures call a model that is not there: what serves without its file (constant scores, cold-start BKT, popularity).</summary>
    public const string Untrained = "untrained";

    public static async Task<RetrainingReport> RunAsync(
        IStatementSource source, string? incumbentFolder, string candidateFolder, RetrainingOptions options, Action<string> log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.TestWeeks, 1);
        var started = DateTimeOffset.UtcNow;
        var (courses, statements, end) = await DatabaseModelTrainer.ReadAsync(source, cancellationToken);
        var hours = await source.DeclaredStudyHoursAsync(cancellationToken);
        log($"retraining: read {statements} statements of {courses.Count} courses");
        var decisions = new List<ModelDecision>();
        if (statements == 0)
        {
            foreach (var model in Files.Keys)
            {
                decisions.Add(new ModelDecision(model, Metrics[model], ModelDecision.Skipped, "no statements stored", null, null, null, null));
            }

            return Report(started, statements, courses.Count, options, decisions);
        }

        var test = TimeSpan.FromDays(7 * options.TestWeeks);
        var from = courses.Values.SelectMany(l => l.Values).Min(e => e[0].Timestamp);

        // Risk, dropout and pacing labels need 28 days after the prediction: their test window ends there.
        var labelledCutoff = end - TimeSpan.FromDays(DatabaseModelTrainer.InactiveDays) - test;
        var past = Truncate(courses, labelledCutoff);
        var trainExamples = DatabaseModelTrainer.Examples(past, labelledCutoff, hours);
        var allExamples = DatabaseModelTrainer.Examples(courses, end, hours);
        cancellationToken.ThrowIfCancellationRequested();
        decisions.Add(RiskDecision(AtRiskName, "risk", "inactive-28d-or-failing", trainExamples.AtRisk, trainExamples, allExamples.AtRisk, allExamples, labelledCutoff, from, end, incumbentFolder, candidateFolder, options, log));
        cancellationToken.ThrowIfCancellationRequested();
        decisions.Add(RiskDecision(WithdrawnName, "dropout", "inactive-28d", trainExamples.Dropped, trainExamples, allExamples.Dropped, allExamples, labelledCutoff, from, end, incumbentFolder, candidateFolder, options, log));
        cancellationToken.ThrowIfCancellationRequested();
        decisions.Add(PacingDecision(trainExamples, allExamples, labelledCutoff, from, end, incumbentFolder, candidateFolder, options, log));
        cancellationToken.ThrowIfCancellationRequested();

        var cutoff = end - test;
        decisions.Add(KtDecision(courses, cutoff, from, end, incumbentFolder, candidateFolder, options, log));
        cancellationToken.ThrowIfCancellationRequested();
        decisions.Add(await RankingDecisionAsync(courses, cutoff, from, end, incumbentFolder, candidateFolder, options, log, cancellationToken));

        // The catalog's order, so every report and card lists the models alike.
        var ordered = Files.Keys.Select(m => decisions.Single(d => d.Model == m)).ToList();
        return Report(started, statements, courses.Count, options, ordered);
    }

    /// <summary>Whether a candidate measuring <paramref name="candidate"/> may replace one measuring <paramref name="incumbent"/>.</summary>
    public static bool NotWorse(double candidate, double incumbent, double tolerance) => candidate >= incumbent - tolerance;

    private static RetrainingReport Report(DateTimeOffset started, int statements, int courses, RetrainingOptions options, List<ModelDecision> decisions)
    {
        var finished = DateTimeOffset.UtcNow;
        return new RetrainingReport(started, finished, statements, courses, options.ShuffleLabels, decisions, Card(finished, statements, courses, options, decisions));
    }

    private static Dictionary<string, Dictionary<string, List<LearningEvent>>> Truncate(
        Dictionary<string, Dictionary<string, List<LearningEvent>>> courses, DateTimeOffset cutoff)
    {
        var past = new Dictionary<string, Dictionary<string, List<LearningEvent>>>(StringComparer.Ordinal);
        foreach (var (courseId, learners) in courses)
        {
            var kept = new Dictionary<string, List<LearningEvent>>(StringComparer.Ordinal);
            foreach (var (learnerId, events) in learners)
            {
                var before = events.Where(e => e.Timestamp < cutoff).ToList();
                if (before.Count > 0)
                {
                    kept[learnerId] = before;
                }
            }

            if (kept.Count > 0)
            {
                past[courseId] = kept;
            }
        }

        return past;
    }

    private static List<T> Shuffled<T>(IReadOnlyList<T> labels, int seed)
    {
        var shuffled = labels.ToList();
        new Random(seed).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(shuffled));
        return shuffled;
    }

    private static ModelDecision RiskDecision(
        string model, string file, string target, List<bool> trainLabels, PlatformExamples train, List<bool> allLabels, PlatformExamples all,
        DateTimeOffset cutoff, DateTimeOffset from, DateTimeOffset end, string? incumbentFolder, string candidateFolder, RetrainingOptions options, Action<string> log)
    {
        var metric = Metrics[model];
        var testRows = Enumerable.Range(0, all.RiskAt.Count).Where(i => all.RiskAt[i] >= cutoff).ToList();
        var testLabels = testRows.Select(i => allLabels[i]).ToList();
        var window = new DataWindow(from, cutoff, end, trainLabels.Count, testRows.Count);
        if (Unjudgeable(trainLabels, DatabaseModelTrainer.MinimumPerClass, "training") is { } noTrain)
        {
            return new ModelDecision(model, metric, ModelDecision.Skipped, noTrain, window, null, null, null);
        }

        if (Unjudgeable(testLabels, options.MinimumTestPerClass, "test") is { } noTest)
        {
            return new ModelDecision(model, metric, ModelDecision.Skipped, noTest, window, null, null, null);
        }

        var labels = options.ShuffleLabels ? Shuffled(trainLabels, options.Seed) : trainLabels;
        var candidate = RiskModel.Train(train.RiskFeatures, labels, new RiskModelInfo(target, [14], "platform statements" + (options.ShuffleLabels ? " (shuffled labels)" : string.Empty)), options.Seed);
        var folder = Path.Combine(candidateFolder, model);
        candidate.Save(folder, file);
        var candidateFigures = RiskFigures("candidate", testRows.Select(i => candidate.Score(all.RiskFeatures[i], 0).Risk).ToList(), testLabels);

        RiskModel? incumbent = null;
        string? loadNote = null;
        if (incumbentFolder is not null && File.Exists(RiskModel.ModelPath(incumbentFolder, file)))
        {
            try
            {
                incumbent = RiskModel.Load(incumbentFolder, file);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                loadNote = $"the serving {file}.zip does not load ({exception.GetType().Name}); judged as untrained";
            }
        }

        var incumbentFigures = incumbent is null
            ? RiskFigures(Untrained, testRows.Select(_ => 0.5).ToList(), testLabels)
            : RiskFigures("serving", testRows.Select(i => incumbent.Score(all.RiskFeatures[i], 0).Risk).ToList(), testLabels);
        return Decide(model, metric, window, candidateFigures, incumbentFigures, folder, options, log, loadNote);
    }

    private static ModelFigures RiskFigures(string name, List<double> scores, List<bool> labels) =>
        new(name, BinaryMetrics.Auc(scores, labels), labels.Count, new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["prAuc"] = BinaryMetrics.AveragePrecision(scores, labels),
            ["positives"] = labels.Count(l => l),
        });

    private static ModelDecision PacingDecision(
        PlatformExamples train, PlatformExamples all, DateTimeOffset cutoff, DateTimeOffset from, DateTimeOffset end,
        string? incumbentFolder, string candidateFolder, RetrainingOptions options, Action<string> log)
    {
        var model = PacingName;
        var metric = Metrics[model];
        var testRows = Enumerable.Range(0, all.PacingAt.Count).Where(i => all.PacingAt[i] >= cutoff).Select(i => all.Pacing[i]).ToList();
        var window = new DataWindow(from, cutoff, end, train.Pacing.Count, testRows.Count);
        if (Unjudgeable(train.Pacing.Select(p => p.LateOrMissing).ToList(), DatabaseModelTrainer.MinimumPerClass, "training") is { } noTrain)
        {
            return new ModelDecision(model, metric, ModelDecision.Skipped, noTrain, window, null, null, null);
        }

        var testLabels = testRows.Select(p => p.LateOrMissing).ToList();
        if (Unjudgeable(testLabels, options.MinimumTestPerClass, "test") is { } noTest)
        {
            return new ModelDecision(model, metric, ModelDecision.Skipped, noTest, window, null, null, null);
        }

        var examples = train.Pacing;
        if (options.ShuffleLabels)
        {
            var outcomes = Shuffled(examples.Select(p => p.Lateness).ToList(), options.Seed);
            examples = [.. examples.Select((p, i) => p with { Lateness = outcomes[i] })];
        }

        var candidate = PacingModel.Train(examples, "platform statements" + (options.ShuffleLabels ? " (shuffled labels)" : string.Empty), options.Seed);
        var folder = Path.Combine(candidateFolder, model);
        candidate.Save(folder);
        var candidateFigures = PacingFigures("candidate", testRows, candidate);

        PacingModel? incumbent = null;
        string? loadNote = null;
        if (incumbentFolder is not null && File.Exists(Path.Combine(incumbentFolder, "pacing-late.zip")))
        {
            try
            {
                incumbent = PacingModel.Load(incumbentFolder);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                loadNote = $"the serving pacing files do not load ({exception.GetType().Name}); judged as untrained";
            }
        }

        var incumbentFigures = PacingFigures(incumbent is null ? Untrained : "serving", testRows, incumbent);
        return Decide(model, metric, window, candidateFigures, incumbentFigures, folder, options, log, loadNote);
    }

    /// <summary>Late-or-missing AUC, and the mean absolute error in days over the submitted ones (untrained: 0.5 and "on the deadline").</summary>
    private static ModelFigures PacingFigures(string name, List<PacingExample> rows, PacingModel? model)
    {
        var predictions = rows.Select(p => model?.Predict(p.LearnerFeatures, p.Context) ?? new PacingPrediction(0.5, 0)).ToList();
        var submitted = rows.Select((p, i) => (p, i)).Where(x => x.p.Lateness is not null).ToList();
        var mae = submitted.Count == 0 ? double.NaN
            : submitted.Average(x => Math.Abs(predictions[x.i].ExpectedLatenessDays - Math.Clamp(x.p.Lateness!.Value, -PacingModel.LatenessClipDays, PacingModel.LatenessClipDays)));
        return new ModelFigures(name, BinaryMetrics.Auc([.. predictions.Select(p => p.LateOrMissingProbability)], [.. rows.Select(p => p.LateOrMissing)]), rows.Count,
            new Dictionary<string, double>(StringComparer.Ordinal) { ["maeDays"] = mae, ["lateOrMissing"] = rows.Count(p => p.LateOrMissing) });
    }

    private static ModelDecision KtDecision(
        Dictionary<string, Dictionary<string, List<LearningEvent>>> courses, DateTimeOffset cutoff, DateTimeOffset from, DateTimeOffset end,
        string? incumbentFolder, string candidateFolder, RetrainingOptions options, Action<string> log)
    {
        var model = KnowledgeTracingName;
        var metric = Metrics[model];
        var sequences = courses.Values.SelectMany(l => l.Values)
            .Select(events => events.Where(e => e.Verb == LearningVerb.Answered && e.Success is not null && e.ItemId is not null).ToList())
            .Where(s => s.Count > 0)
            .ToList();
        var trainAnswers = sequences.SelectMany(s => s.Where(e => e.Timestamp < cutoff)).ToList();
        var testLabels = sequences.SelectMany(s => s.Where(e => e.Timestamp >= cutoff)).Select(e => e.Success!.Value).ToList();
        var window = new DataWindow(from, cutoff, end, trainAnswers.Count, testLabels.Count);
        var trainLearners = trainAnswers.Select(e => (e.CourseId, e.LearnerId)).Distinct().Count();
        if (trainAnswers.Count < DatabaseModelTrainer.MinimumKtAnswers || trainLearners < DatabaseModelTrainer.MinimumKtLearners)
        {
            return new ModelDecision(model, metric, ModelDecision.Skipped,
                $"{trainAnswers.Count} graded item answers of {trainLearners} learners before the cut-off (need {DatabaseModelTrainer.MinimumKtAnswers} of {DatabaseModelTrainer.MinimumKtLearners})", window, null, null, null);
        }

        if (Unjudgeable(testLabels, options.MinimumTestPerClass, "test") is { } noTest)
        {
            return new ModelDecision(model, metric, ModelDecision.Skipped, noTest, window, null, null, null);
        }

        if (options.ShuffleLabels)
        {
            var outcomes = Shuffled(trainAnswers.Select(e => e.Success).ToList(), options.Seed);
            trainAnswers = [.. trainAnswers.Select((e, i) => e with { Success = outcomes[i] })];
        }

        var candidate = KnowledgeTracingTrainer.Train(trainAnswers, new KtTrainerOptions { Seed = options.Seed }).Model;
        var folder = Path.Combine(candidateFolder, model);
        candidate.Save(folder);
        var candidateFigures = KtFigures("candidate", sequences, cutoff, candidate);
        KnowledgeTracingModel incumbent;
        string? loadNote = null;
        try
        {
            incumbent = KnowledgeTracingModel.LoadOrColdStart(incumbentFolder);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            incumbent = KnowledgeTracingModel.ColdStart();
            loadNote = $"the serving knowledge-tracing files do not load ({exception.GetType().Name}); judged as cold-start";
        }

        var incumbentName = incumbentFolder is not null && File.Exists(Path.Combine(incumbentFolder, KnowledgeTracingModel.PriorsFile)) && loadNote is null ? "serving" : Untrained;
        return Decide(model, metric, window, candidateFigures, KtFigures(incumbentName, sequences, cutoff, incumbent), folder, options, log, loadNote);
    }

    /// <summary>Replays each learner's answers in order and scores the ones at or after the cut-off, each predicted before it is applied.</summary>
    private static ModelFigures KtFigures(string name, List<List<LearningEvent>> sequences, DateTimeOffset cutoff, KnowledgeTracingModel model)
    {
        var scores = new List<double>();
        var labels = new List<bool>();
        foreach (var answers in sequences)
        {
            var state = new LearnerKnowledgeState();
            foreach (var answer in answers)
            {
                if (answer.Timestamp >= cutoff)
                {
                    scores.Add(model.PredictCorrect(state, answer.Skills, answer.ItemId));
                    labels.Add(answer.Success!.Value);
                }

                model.Apply(state, answer);
            }
        }

        return new ModelFigures(name, BinaryMetrics.Auc(scores, labels), labels.Count,
            new Dictionary<string, double>(StringComparer.Ordinal) { ["rmse"] = BinaryMetrics.Rmse(scores, labels) });
    }

    private static async Task<ModelDecision> RankingDecisionAsync(
        Dictionary<string, Dictionary<string, List<LearningEvent>>> courses, DateTimeOffset cutoff, DateTimeOffset from, DateTimeOffset end,
        string? incumbentFolder, string candidateFolder, RetrainingOptions options, Action<string> log, CancellationToken cancellationToken)
    {
        var model = RankingName;
        var metric = Metrics[model];
        if (options.Lessons is null)
        {
            return new ModelDecision(model, metric, ModelDecision.Skipped, "no course lesson lists (the statement log does not hold them; the silo's scheduled run reads them from the courses)", null, null, null, null);
        }

        var train = new List<RankingCourseData>();
        var test = new List<RankingCourseData>();
        foreach (var (courseId, learners) in courses)
        {
            if (await options.Lessons(courseId, cancellationToken) is not { Count: > 0 } candidates)
            {
                continue;
            }

            var start = learners.Values.Min(l => l[0].Timestamp);
            var lessonEvents = learners.Values.Select(l => l.Where(e => e.LessonId is not null).ToList()).Where(l => l.Count > 0).ToList();
            train.Add(new RankingCourseData(courseId, candidates, start, [.. lessonEvents.SelectMany(l => l.Where(e => e.Timestamp < cutoff))]));

            // Learners active in the test weeks, with their whole history: the protocol holds out each one's last active day.
            test.Add(new RankingCourseData(courseId, candidates, start, [.. lessonEvents.Where(l => l[^1].Timestamp >= cutoff).SelectMany(l => l)]));
        }

        var window = new DataWindow(from, cutoff, end, train.Sum(c => c.Events.Count), test.Sum(c => c.Events.Count));
        if (train.Count == 0)
        {
            return new ModelDecision(model, metric, ModelDecision.Skipped, "no course with a lesson list has statements", window, null, null, null);
        }

        if (options.ShuffleLabels)
        {
            // The relevance of a next-lesson query is which lessons the learner opened next: shuffling which
            // lesson each training event is about keeps the counts and breaks every regularity.
            train = [.. train.Select(c => ShuffleLessons(c, options.Seed))];
        }

        RankingModel candidate;
        try
        {
            candidate = RankingTrainer.Train(train, new RankingTrainerOptions { Seed = options.Seed });
        }
        catch (InvalidOperationException exception)
        {
            return new ModelDecision(model, metric, ModelDecision.Skipped, $"no candidate trained: {exception.Message}", window, null, null, null);
        }

        var folder = Path.Combine(candidateFolder, model);
        candidate.Save(folder);
        var measured = NextLessonEvaluator.Evaluate(candidate, test);
        if (measured.N < options.MinimumTestPerClass)
        {
            return new ModelDecision(model, metric, ModelDecision.Skipped, $"{measured.N} learners to score in the test weeks (need {options.MinimumTestPerClass})", window, null, null, null);
        }

        var candidateFigures = RankingFigures("candidate", measured.Ndcg, measured.Recall, measured.N);
        ModelFigures incumbentFigures;
        string? loadNote = null;
        RankingModel? incumbent = null;
        if (incumbentFolder is not null && File.Exists(Path.Combine(incumbentFolder, RankingModel.ModelFileName)))
        {
            try
            {
                incumbent = RankingModel.Load(incumbentFolder);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                loadNote = $"the serving next-lesson model does not load ({exception.GetType().Name}); judged as the popularity order";
            }
        }

        if (incumbent is null)
        {
            // Without a ranking model the platform orders by the course's popularity: the protocol's baseline.
            incumbentFigures = RankingFigures(Untrained, measured.BaselineNdcg, measured.BaselineRecall, measured.N);
        }
        else
        {
            var serving = NextLessonEvaluator.Evaluate(incumbent, test);
            incumbentFigures = RankingFigures("serving", serving.Ndcg, serving.Recall, serving.N);
        }

        return Decide(model, metric, window, candidateFigures, incumbentFigures, folder, options, log, loadNote);
    }

    private static RankingCourseData ShuffleLessons(RankingCourseData course, int seed)
    {
        var lessons = Shuffled(course.Events.Select(e => e.LessonId).ToList(), seed);
        return course with { Events = [.. course.Events.Select((e, i) => e with { LessonId = lessons[i] })] };
    }

    private static ModelFigures RankingFigures(string name, double ndcg, double recall, int n) =>
        new(name, ndcg, n, new Dictionary<string, double>(StringComparer.Ordinal) { ["recall@10"] = recall });

    private static string? Unjudgeable(IReadOnlyList<bool> labels, int minimum, string part)
    {
        var positives = labels.Count(l => l);
        var negatives = labels.Count - positives;
        return positives < minimum || negatives < minimum
            ? $"{positives} positive and {negatives} negative {part} examples (need {minimum} of each)"
            : null;
    }

    private static ModelDecision Decide(
        string model, string metric, DataWindow window, ModelFigures candidate, ModelFigures incumbent, string folder, RetrainingOptions options, Action<string> log, string? note)
    {
        var promoted = !double.IsNaN(candidate.Value) && (double.IsNaN(incumbent.Value) || NotWorse(candidate.Value, incumbent.Value, options.Tolerance));
        var reason = string.Create(CultureInfo.InvariantCulture,
            $"candidate {metric} {candidate.Value:F4} {(promoted ? "is not worse than" : "is worse than")} {incumbent.Model} {incumbent.Value:F4} (tolerance {options.Tolerance}) on {candidate.N} test examples");
        if (note is not null)
        {
            reason += "; " + note;
        }

        log($"retraining: {model}: {(promoted ? ModelDecision.Promoted : ModelDecision.Refused)}: {reason}");
        return new ModelDecision(model, metric, promoted ? ModelDecision.Promoted : ModelDecision.Refused, reason, window, candidate, incumbent, folder);
    }

    /// <summary>The model-card section of a run (MODEL_CARD.md's format: a heading, a paragraph, a table).</summary>
    private static string Card(DateTimeOffset finished, int statements, int courses, RetrainingOptions options, List<ModelDecision> decisions)
    {
        var card = new StringBuilder();
        card.Append(CultureInfo.InvariantCulture, $"## Retraining from the platform's statements, {finished:yyyy-MM-dd HH:mm} UTC\n\n");
        card.Append(CultureInfo.InvariantCulture,
            $"Data: {statements} stored statements of {courses} courses. Split: training examples from the statements before each model's cut-off, test examples predicted in the last {options.TestWeeks} weeks with known outcomes; promotion when the candidate's primary metric is not worse than the serving model's by more than {options.Tolerance}. Seed {options.Seed}.{(options.ShuffleLabels ? " **Control run: candidates trained on shuffled labels.**" : string.Empty)}\n\n");
        card.Append("| model | metric | candidate | serving | test n | train n | cut-off | decision | reason |\n|---|---|---:|---:|---:|---:|---|---|---|\n");
        foreach (var d in decisions)
        {
            card.Append(CultureInfo.InvariantCulture,
                $"| {d.Model} | {d.Metric} | {Figure(d.Candidate)} | {Figure(d.Incumbent)} | {d.Window?.TestExamples} | {d.Window?.TrainExamples} | {d.Window?.Cutoff:yyyy-MM-dd} | {d.Decision} | {d.Reason.Replace('|', '/')} |\n");
        }

        return card.ToString();
    }

    private static string Figure(ModelFigures? figures) =>
        figures is null ? "—" : string.Create(CultureInfo.InvariantCulture, $"{figures.Value:F4} ({figures.Model})");
}
