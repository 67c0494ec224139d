using System.Diagnostics;
using AdaptiveMooc.ML.Evaluation;
using AdaptiveMooc.ML.Oulad;
using AdaptiveMooc.ML.Pacing;

namespace AdaptiveMooc.ML.Training;

/// <summary>
/// The pacing protocol: pairs (registration, dated TMA/CMA) of the test presentations, predicted at
/// deadline − 7 from records before it; AUC of "late or missing" and MAE of the submission day
/// relative to the deadline over submitted pairs, beside the baseline "learner's mean lateness so
/// far, else the training mean of the same assessment of the module".
/// </summary>
public static class PacingEvaluation
{
    public static async Task<(PacingEvaluationResult Result, PacingModel Model)> RunAsync(
        OuladDataset train, OuladDataset test, int seed, Action<string> log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(log);
        var clock = Stopwatch.StartNew();
        var trainPairs = Examples(await OuladFeatureExtractor.PacingPairsAsync(train, cancellationToken));
        var testPairs = Examples(await OuladFeatureExtractor.PacingPairsAsync(test, cancellationToken));
        log($"pacing pairs: {trainPairs.Count} training, {testPairs.Count} test ({clock.Elapsed.TotalSeconds:F1}s)");

        var model = PacingModel.Train(trainPairs, $"OULAD {RiskEvaluation.Describe(train)}", seed);
        var labels = testPairs.Select(e => e.LateOrMissing).ToList();
        var predictions = testPairs.Select(e => model.Predict(e.LearnerFeatures, e.Context)).ToList();
        var baseline = testPairs.Select(e => PacingFeatures.Baseline(e.LearnerFeatures, model.PriorFor(e.Context))).ToList();
        log($"pacing model trained and scored ({clock.Elapsed.TotalSeconds:F1}s)");

        var submitted = Enumerable.Range(0, testPairs.Count).Where(i => testPairs[i].Lateness is not null).ToList();
        double Mae(Func<int, double> predicted) =>
            submitted.Count == 0 ? double.NaN : submitted.Average(i => Math.Abs(predicted(i) - testPairs[i].Lateness!.Value));

        var result = new PacingEvaluationResult(
            RiskEvaluation.Describe(train),
            RiskEvaluation.Describe(test),
            BinaryMetrics.Auc(predictions.Select(p => p.LateOrMissingProbability).ToList(), labels),
            Mae(i => predictions[i].ExpectedLatenessDays),
            BinaryMetrics.Auc(baseline, labels),
            Mae(i => baseline[i]),
            testPairs.Count,
            submitted.Count,
            labels.Count(l => l),
            trainPairs.Count,
            Math.Round(clock.Elapsed.TotalSeconds, 1));
        return (result, model);
    }

    public static IReadOnlyList<PacingExample> Examples(IReadOnlyList<OuladPacingPair> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        return [.. pairs.Select(p => new PacingExample(
            p.LearnerFeatures,
            new PacingContext(p.Presentation.Module, p.Assessment.Type, p.Position, p.Deadline, p.Assessment.Weight),
            p.Lateness))];
    }
}
