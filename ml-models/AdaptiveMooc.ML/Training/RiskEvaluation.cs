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
        OuladDataset train, OuladDataset test, int cutoff, RiskTarget target, int seed, Action<string> log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(log);
        var clock = Stopwatch.StartNew();
        var trainSamples = await OuladFeatureExtractor.RiskSamplesAsync(train, RiskModel.TrainingDaysAround(cutoff), cancellationToken);
        var testSamples = await OuladFeatureExtractor.RiskSamplesAsync(test, [cutoff], cancellationToken);
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

    internal static string Describe(OuladDataset dataset) => string.Join(',', dataset.Presentations.Select(p => p.Key));
}
