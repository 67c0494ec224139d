using System.Diagnostics;
using AdaptiveMooc.ML.Evaluation;
using AdaptiveMooc.ML.Oulad;
using AdaptiveMooc.ML.Risk;

namespace AdaptiveMooc.ML.Training;

/// <summary>
/// The dropout / at-risk protocol: population = registrations with no unregistration before the
/// cut-off, features from records dated before it, trained on some presentations and tested on
/// others; the risk model beside the count-based logistic regression and the −clicks-percentile floor.
/// </summary>
public static class RiskEvaluation
{
    public static async Task<(RiskEvaluationResult Result, RiskModel Model)> RunAsync(
        OuladDataset train, OuladDataset test, int cutoff, RiskTarget target, int seed, Action<string> log, CancellationToken cancellationToken = default,
        IReadOnlyCollection<int>? blank = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(log);
        var clock = Stopwatch.StartNew();
        var trainSamples = Blank(await OuladFeatureExtractor.RiskSamplesAsync(train, RiskModel.TrainingDaysAround(cutoff), cancellationToken), blank);
        var testSamples = Blank(await OuladFeatureExtractor.RiskSamplesAsync(test, [cutoff], cancellationToken), blank);
        log($"features: {trainSamples.Count} training and {testSamples.Count} test registrations at day {cutoff} ({clock.Elapsed.TotalSeconds:F1}s)");

        var trainX = trainSamples.Select(s => s.Features).ToList();
        var trainY = trainSamples.Select(s => target.Label(s.Registration)).ToList();
        var testX = testSamples.Select(s => s.Features).ToList();
        var testY = testSamples.Select(s => target.Label(s.Registration)).ToList();
        var info = new RiskModelInfo(target.Name(), RiskModel.TrainingDaysAround(cutoff), $"OULAD {Describe(train)}");
        var model = RiskModel.Train(trainX, trainY, info, seed);
        var scores = testX.Select(x => model.Score(x, reasons: 0).Risk).ToList();
        log($"risk model trained and scored ({clock.Elapsed.TotalSeconds:F1}s)");

        // The reference regression sees the cut-off snapshot only, as its figure was defined.
        var atCutoff = Enumerable.Range(0, trainSamples.Count).Where(i => trainSamples[i].Cutoff == cutoff).ToList();
        var baseline = CountsLogisticBaseline.TrainAndScore([.. atCutoff.Select(i => trainX[i])], [.. atCutoff.Select(i => trainY[i])], testX, seed);
        var floor = testX.Select(x => -(double)x[RiskFeatures.ClicksPercentile]).ToList();
        var result = new RiskEvaluationResult(
            target.Name(), cutoff, Describe(train), Describe(test),
            BinaryMetrics.Auc(scores, testY),
            BinaryMetrics.AveragePrecision(scores, testY),
            BinaryMetrics.RecallAtTopFraction(scores, testY, 0.2),
            testSamples.Count,
            testY.Count(y => y),
            BinaryMetrics.Auc(baseline, testY),
            BinaryMetrics.AveragePrecision(baseline, testY),
            BinaryMetrics.RecallAtTopFraction(baseline, testY, 0.2),
            BinaryMetrics.Auc(floor, testY),
            atCutoff.Count,
            Math.Round(clock.Elapsed.TotalSeconds, 1));
        return (result, model);
    }

    /// <summary>
    /// Each module of <paramref name="train"/> in turn is held out: the model is trained on the other
    /// modules' presentations (same snapshots as <see cref="RunAsync"/>) and scored on the held-out
    /// module's registrations at the cut-off. Only training presentations are read. When they hold
    /// several presentation ids, a time-ordered check is added (see <see cref="TimeOrderedCheck"/>).
    /// </summary>
    public static async Task<RiskCrossValidationResult> ModuleCrossValidationAsync(
        OuladDataset train, int cutoff, RiskTarget target, int seed, Action<string> log, CancellationToken cancellationToken = default,
        IReadOnlyCollection<int>? blank = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(log);
        var clock = Stopwatch.StartNew();
        var samples = Blank(await OuladFeatureExtractor.RiskSamplesAsync(train, RiskModel.TrainingDaysAround(cutoff), cancellationToken), blank);
        var modules = samples.Select(s => s.Presentation.Module).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (modules.Count < 2)
        {
            throw new InvalidDataException("module-held-out validation needs at least two modules in --train");
        }

        var folds = new List<RiskFold>();
        var pooledScores = new List<double>();
        var pooledLabels = new List<bool>();
        var pooledBaseline = new List<double>();
        foreach (var module in modules)
        {
            var fit = samples.Where(s => s.Presentation.Module != module).ToList();
            var held = samples.Where(s => s.Presentation.Module == module && s.Cutoff == cutoff).ToList();
            var (scores, baseline, labels) = TrainAndScore(fit, held, cutoff, target, seed, "cv");
            folds.Add(new RiskFold(module, BinaryMetrics.Auc(scores, labels), BinaryMetrics.Auc(baseline, labels), held.Count, labels.Count(l => l)));
            pooledScores.AddRange(scores);
            pooledLabels.AddRange(labels);
            pooledBaseline.AddRange(baseline);
            log($"held-out {module}: AUC {folds[^1].Auc:F4} (logistic {folds[^1].BaselineLogisticAuc:F4}), n {held.Count} ({clock.Elapsed.TotalSeconds:F0}s)");
        }

        var timeOrdered = TimeOrderedCheck(samples, cutoff, target, seed);
        if (timeOrdered is not null)
        {
            log($"time-ordered {timeOrdered.Train} -> {timeOrdered.Test}: AUC {timeOrdered.Auc:F4} (logistic {timeOrdered.BaselineLogisticAuc:F4}), n {timeOrdered.N} ({clock.Elapsed.TotalSeconds:F0}s)");
        }

        var otherRuns = OtherRunsCheck(samples, cutoff, target, seed);
        if (otherRuns is not null)
        {
            log($"other runs of seen modules ({otherRuns.Test}): AUC {otherRuns.Auc:F4} (logistic {otherRuns.BaselineLogisticAuc:F4}), n {otherRuns.N} ({clock.Elapsed.TotalSeconds:F0}s)");
        }

        return new RiskCrossValidationResult(
            target.Name(), cutoff, Describe(train), folds,
            folds.Average(f => f.Auc), BinaryMetrics.Auc(pooledScores, pooledLabels),
            folds.Average(f => f.BaselineLogisticAuc), BinaryMetrics.Auc(pooledBaseline, pooledLabels),
            timeOrdered,
            otherRuns,
            Math.Round(clock.Elapsed.TotalSeconds, 1));
    }

    /// <summary>
    /// Trains on every presentation before the latest presentation id (ids sort in time order: 2013B
    /// before 2013J) and scores the latest one's presentations of modules seen in training: the
    /// later-presentations-of-known-modules part of a train-on-the-past, test-on-the-future split.
    /// Null when there is a single presentation id or no module recurs.
    /// </summary>
    private static RiskSeenModuleCheck? TimeOrderedCheck(IReadOnlyList<OuladRiskSample> samples, int cutoff, RiskTarget target, int seed)
    {
        if (TimeOrderedSplit(samples, cutoff) is not var (fit, held))
        {
            return null;
        }

        var (scores, baseline, labels) = TrainAndScore(fit, held, cutoff, target, seed, "time-ordered");
        return new RiskSeenModuleCheck(
            string.Join(',', fit.Select(s => s.Presentation.Key).Distinct(StringComparer.Ordinal)),
            string.Join(',', held.Select(s => s.Presentation.Key).Distinct(StringComparer.Ordinal)),
            BinaryMetrics.Auc(scores, labels), BinaryMetrics.Auc(baseline, labels), held.Count, labels.Count(l => l));
    }

    /// <summary>
    /// Each presentation of a module that has several is held out in turn, the model trained on every
    /// other presentation (every module, the held-out one's other runs included) and scored at the
    /// cut-off; one AUC over all of them. This is the shape of training on all past presentations and
    /// testing on a new run of a known module. Null when no module has two presentations.
    /// </summary>
    private static RiskSeenModuleCheck? OtherRunsCheck(IReadOnlyList<OuladRiskSample> samples, int cutoff, RiskTarget target, int seed)
    {
        var folds = OtherRunsFolds(samples, cutoff);
        if (folds.Count == 0)
        {
            return null;
        }

        var scores = new List<double>();
        var baseline = new List<double>();
        var labels = new List<bool>();
        foreach (var (fit, held) in folds)
        {
            var fold = TrainAndScore(fit, held, cutoff, target, seed, "other-runs");
            scores.AddRange(fold.Scores);
            baseline.AddRange(fold.Baseline);
            labels.AddRange(fold.Labels);
        }

        return new RiskSeenModuleCheck(
            "every other presentation",
            string.Join(',', folds.Select(f => f.Held[0].Presentation.Key)),
            BinaryMetrics.Auc(scores, labels), BinaryMetrics.Auc(baseline, labels), labels.Count, labels.Count(l => l));
    }

    /// <summary>
    /// The risk model trained on <paramref name="fit"/> (all its snapshots) and the count regression
    /// trained on its cut-off snapshot (as that reference was defined), both scoring <paramref name="held"/>,
    /// with <paramref name="held"/>'s labels.
    /// </summary>
    private static (List<double> Scores, double[] Baseline, List<bool> Labels) TrainAndScore(
        List<OuladRiskSample> fit, List<OuladRiskSample> held, int cutoff, RiskTarget target, int seed, string data)
    {
        var model = RiskModel.Train([.. fit.Select(s => s.Features)], [.. fit.Select(s => target.Label(s.Registration))], new RiskModelInfo(target.Name(), RiskModel.TrainingDaysAround(cutoff), data), seed);
        var scores = held.Select(s => (double)model.Score(s.Features, reasons: 0).Risk).ToList();
        var atCutoff = fit.Where(s => s.Cutoff == cutoff).ToList();
        var baseline = CountsLogisticBaseline.TrainAndScore(
            [.. atCutoff.Select(s => s.Features)], [.. atCutoff.Select(s => target.Label(s.Registration))], [.. held.Select(s => s.Features)], seed);
        return (scores, baseline, [.. held.Select(s => target.Label(s.Registration))]);
    }

    /// <summary>One fold per presentation of a module with several: (every other presentation, that presentation at the cut-off).</summary>
    internal static List<(List<OuladRiskSample> Fit, List<OuladRiskSample> Held)> OtherRunsFolds(IReadOnlyList<OuladRiskSample> samples, int cutoff)
    {
        var repeated = samples.GroupBy(s => s.Presentation.Module, StringComparer.Ordinal)
            .Where(g => g.Select(s => s.Presentation.Presentation).Distinct(StringComparer.Ordinal).Count() > 1)
            .Select(g => g.Key)
            .ToHashSet(StringComparer.Ordinal);
        return
        [
            .. samples.Where(s => repeated.Contains(s.Presentation.Module))
                .Select(s => s.Presentation.Key).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
                .Select(key => (
                    samples.Where(s => s.Presentation.Key != key).ToList(),
                    samples.Where(s => s.Presentation.Key == key && s.Cutoff == cutoff).ToList()))
                .Where(f => f.Item2.Count > 0),
        ];
    }

    /// <summary>Training samples (presentation ids before the latest) and held-out ones (the latest id's modules seen in training, at the cut-off).</summary>
    internal static (List<OuladRiskSample> Fit, List<OuladRiskSample> Held)? TimeOrderedSplit(IReadOnlyList<OuladRiskSample> samples, int cutoff)
    {
        var ids = samples.Select(s => s.Presentation.Presentation).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (ids.Count < 2)
        {
            return null;
        }

        var latest = ids[^1];
        var fit = samples.Where(s => s.Presentation.Presentation != latest).ToList();
        var seen = fit.Select(s => s.Presentation.Module).ToHashSet(StringComparer.Ordinal);
        var held = samples.Where(s => s.Presentation.Presentation == latest && seen.Contains(s.Presentation.Module) && s.Cutoff == cutoff).ToList();
        return held.Count == 0 ? null : (fit, held);
    }

    /// <summary>
    /// Sets the <paramref name="columns"/> of every sample to missing (an ablation: what the model does
    /// without those features, same trees otherwise); the samples are changed in place.
    /// </summary>
    public static IReadOnlyList<OuladRiskSample> Blank(IReadOnlyList<OuladRiskSample> samples, IReadOnlyCollection<int>? columns)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (columns is null || columns.Count == 0)
        {
            return samples;
        }

        foreach (var sample in samples)
        {
            foreach (var c in columns)
            {
                sample.Features[c] = float.NaN;
            }
        }

        return samples;
    }

    internal static string Describe(OuladDataset dataset) => string.Join(',', dataset.Presentations.Select(p => p.Key));
}
