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
        var trainOulad = await OuladFeatureExtractor.PacingPairsAsync(train, cancellationToken);
        var testOulad = await OuladFeatureExtractor.PacingPairsAsync(test, cancellationToken);
        var trainPairs = Examples(trainOulad);
        var testPairs = Examples(testOulad);
        log($"pacing pairs: {trainPairs.Count} training, {testPairs.Count} test ({clock.Elapsed.TotalSeconds:F1}s)");

        var model = PacingModel.Train(trainPairs, $"OULAD {RiskEvaluation.Describe(train)}", seed);
        var labels = testPairs.Select(e => e.LateOrMissing).ToList();
        var predictions = testPairs.Select(e => model.Predict(e.LearnerFeatures, e.Context)).ToList();
        var baseline = testPairs.Select(e => PacingFeatures.Baseline(e.LearnerFeatures, model.PriorFor(e.Context))).ToList();
        log($"pacing model trained and scored ({clock.Elapsed.TotalSeconds:F1}s)");

        var submitted = Enumerable.Range(0, testPairs.Count).Where(i => testPairs[i].Lateness is not null).ToList();
        double Mae(Func<int, double> predicted) =>
            submitted.Count == 0 ? double.NaN : submitted.Average(i => Math.Abs(predicted(i) - testPairs[i].Lateness!.Value));

        var modelScores = predictions.Select(p => (double)p.LateOrMissingProbability).ToList();
        var tma = Enumerable.Range(0, testOulad.Count).Where(i => testOulad[i].Assessment.Type == "TMA").ToList();
        var allLate = AllSubmissionsLate(trainOulad);
        var flaggedContexts = allLate.Select(a => a.Context).ToHashSet(StringComparer.Ordinal);
        var unflagged = Enumerable.Range(0, testPairs.Count).Where(i => !flaggedContexts.Contains(testPairs[i].Context.PriorKey)).ToList();
        var (perAssessment, assessmentsScored, assessmentsOneClass) = MeanPerAssessmentAuc(testOulad, modelScores);
        var (perAssessmentBaseline, _, _) = MeanPerAssessmentAuc(testOulad, baseline);
        foreach (var flagged in allLate)
        {
            log($"every training submission late: {flagged.Assessment} ({flagged.Context}), {flagged.Submissions} submissions, lateness {flagged.MinLateness} to {flagged.MaxLateness} days");
        }

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
            Math.Round(clock.Elapsed.TotalSeconds, 1))
        {
            TmaLateAuc = Auc(modelScores, labels, tma),
            BaselineTmaLateAuc = Auc(baseline, labels, tma),
            TmaN = tma.Count,
            MeanPerAssessmentLateAuc = perAssessment,
            BaselineMeanPerAssessmentLateAuc = perAssessmentBaseline,
            AssessmentsScored = assessmentsScored,
            AssessmentsWithOneClass = assessmentsOneClass,
            AllLateInTraining = [.. allLate.Select(a => $"{a.Assessment} ({a.Context}): {a.Submissions} submissions, {a.MinLateness} to {a.MaxLateness} days late")],
            UnflaggedLateAuc = Auc(modelScores, labels, unflagged),
            BaselineUnflaggedLateAuc = Auc(baseline, labels, unflagged),
            UnflaggedN = unflagged.Count,
        };
        return (result, model);
    }

    /// <summary>
    /// Training assessments every one of whose submissions is dated after the deadline (at least one
    /// submission): in OULAD every BBB and DDD computer-marked assessment, a recording artefact (the
    /// CMA results are dated when they were collected). <c>Context</c> is the prior key the test pairs share.
    /// </summary>
    public static IReadOnlyList<(string Assessment, string Context, int Submissions, int MinLateness, int MaxLateness)> AllSubmissionsLate(IReadOnlyList<OuladPacingPair> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        return
        [
            .. pairs.Where(p => p.Lateness is not null)
                .GroupBy(p => (p.Presentation.Key, p.Assessment.Id))
                .Where(g => g.All(p => p.Lateness > 0))
                .OrderBy(g => g.Key.Key, StringComparer.Ordinal).ThenBy(g => g.First().Deadline)
                .Select(g => (
                    $"{g.Key.Key} {g.First().Assessment.Type} {g.Key.Id} (due day {g.First().Deadline})",
                    $"{g.First().Presentation.Module}|{g.First().Assessment.Type}|{g.First().Position}",
                    g.Count(),
                    g.Min(p => p.Lateness!.Value),
                    g.Max(p => p.Lateness!.Value))),
        ];
    }

    /// <summary>
    /// Mean over the test assessments (presentation × assessment) of the late-or-missing AUC within the
    /// assessment, which no per-assessment prior can carry; assessments with one class only are skipped.
    /// </summary>
    public static (double Mean, int Scored, int OneClass) MeanPerAssessmentAuc(IReadOnlyList<OuladPacingPair> pairs, IReadOnlyList<double> scores)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(scores);
        var aucs = new List<double>();
        var oneClass = 0;
        foreach (var group in Enumerable.Range(0, pairs.Count).GroupBy(i => (pairs[i].Presentation.Key, pairs[i].Assessment.Id)))
        {
            var labels = group.Select(i => pairs[i].LateOrMissing).ToList();
            if (labels.All(l => l) || !labels.Contains(true))
            {
                oneClass++;
                continue;
            }

            aucs.Add(BinaryMetrics.Auc(group.Select(i => scores[i]).ToList(), labels));
        }

        return (aucs.Count == 0 ? double.NaN : aucs.Average(), aucs.Count, oneClass);
    }

    private static double Auc(IReadOnlyList<double> scores, IReadOnlyList<bool> labels, List<int> subset) =>
        subset.Count == 0 ? double.NaN : BinaryMetrics.Auc(subset.Select(i => scores[i]).ToList(), subset.Select(i => labels[i]).ToList());

    public static IReadOnlyList<PacingExample> Examples(IReadOnlyList<OuladPacingPair> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        return [.. pairs.Select(p => new PacingExample(
            p.LearnerFeatures,
            new PacingContext(p.Presentation.Module, p.Assessment.Type, p.Position, p.Deadline, p.Assessment.Weight),
            p.Lateness))];
    }
}
