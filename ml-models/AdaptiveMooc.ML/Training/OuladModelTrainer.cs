using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using AdaptiveMooc.ML.KnowledgeTracing;
using AdaptiveMooc.ML.Oulad;
using AdaptiveMooc.ML.Pacing;
using AdaptiveMooc.ML.Ranking;
using AdaptiveMooc.ML.Risk;

namespace AdaptiveMooc.ML.Training;

/// <summary>
/// <c>ml train --oulad</c>: measures the protocols on a time-ordered split of the folder (train on
/// every presentation id but the latest, test on the latest), then trains the shipped models on all
/// presentations and writes them with <c>metrics.json</c> and <c>MODEL_CARD.md</c>.
/// </summary>
public static class OuladModelTrainer
{
    /// <summary>The shipped risk models are trained on snapshots every two weeks of the course.</summary>
    public static IReadOnlyList<int> ShippedRiskDays(int longestPresentation) =>
        [.. Enumerable.Range(1, Math.Max(1, longestPresentation / 14)).Select(k => k * 14).Where(d => d <= 210)];

    /// <summary>Share of OULAD students whose answers measure the knowledge-tracing model before the final fit.</summary>
    public const double KtHoldoutFraction = 0.2;

    public static async Task<TrainingReport> TrainAsync(string directory, string output, int seed, Action<string> log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        var clock = Stopwatch.StartNew();
        var all = OuladDataset.Load(directory);
        var ids = all.Presentations.Select(p => p.Presentation).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
        var evaluations = new List<object>();
        var figures = new Dictionary<string, object>(StringComparer.Ordinal);
        if (ids.Count >= 2)
        {
            var train = OuladDataset.Load(directory, new OuladPresentationFilter(string.Join(',', ids.SkipLast(1))));
            var test = OuladDataset.Load(directory, new OuladPresentationFilter(ids[^1]));
            foreach (var (target, cutoff) in new[] { (RiskTarget.Withdrawn, 28), (RiskTarget.AtRisk, 56) })
            {
                var (result, _) = await RiskEvaluation.RunAsync(train, test, cutoff, target, seed, log, cancellationToken);
                log($"risk {target.Name()} day {cutoff}: AUC {result.Auc:F4} (logistic {result.BaselineLogisticAuc:F4})");
                figures[$"risk-{target.Name()}-day{cutoff}"] = result;
            }

            var (pacing, _) = await PacingEvaluation.RunAsync(train, test, seed, log, cancellationToken);
            log($"pacing: late AUC {pacing.LateAuc:F4} (baseline {pacing.BaselineLateAuc:F4}), MAE {pacing.MaeDays:F2} (baseline {pacing.BaselineMaeDays:F2})");
            figures["pacing"] = pacing;
        }
        else
        {
            log("only one presentation id: no held-out evaluation, models are trained without figures");
        }

        Directory.CreateDirectory(output);
        var longest = all.Presentations.Max(p => p.LengthDays);
        var days = ShippedRiskDays(longest);
        var samples = await OuladFeatureExtractor.RiskSamplesAsync(all, days, cancellationToken);
        var data = "OULAD " + RiskEvaluation.Describe(all);
        foreach (var (target, name) in new[] { (RiskTarget.AtRisk, "risk"), (RiskTarget.Withdrawn, "dropout") })
        {
            var model = RiskModel.Train(
                [.. samples.Select(s => s.Features)], [.. samples.Select(s => target.Label(s.Registration))],
                new RiskModelInfo(target.Name(), days, data), seed);
            model.Save(output, name);
            log($"{name}.zip ({target.Name()}) trained on {samples.Count} snapshots ({clock.Elapsed.TotalSeconds:F0}s)");
        }

        var pacingModel = PacingModel.Train(PacingEvaluation.Examples(await OuladFeatureExtractor.PacingPairsAsync(all, cancellationToken)), data, seed);
        pacingModel.Save(output);
        log($"pacing models trained on {pacingModel.Info.TrainedOn} pairs ({clock.Elapsed.TotalSeconds:F0}s)");

        // Knowledge tracing on OULAD's scored submissions (the shippable answers; see OuladAnswers):
        // measured on a fifth of the students held out, then refitted on everyone.
        var kt = KnowledgeTracingTrainer.Train(OuladAnswers.Events(all), new KtTrainerOptions { Seed = seed, HoldoutFraction = KtHoldoutFraction });
        kt.Model.Save(output);
        if (kt.Holdout is { } ktFigures)
        {
            figures["knowledge-tracing"] = ktFigures;
            log($"knowledge tracing: held-out AUC {ktFigures.Auc:F4} (BKT {ktFigures.BktAuc:F4}) on {ktFigures.N} answers");
        }

        log($"knowledge-tracing model trained on {kt.TrainingExamples} examples (answers after each student's first) of {kt.Learners} students ({clock.Elapsed.TotalSeconds:F0}s)");

        var report = new TrainingReport(
            DateTimeOffset.UtcNow, data, ids.Count >= 2 ? $"train {string.Join(',', ids.SkipLast(1))} → test {ids[^1]}" : "none",
            figures, Math.Round(clock.Elapsed.TotalSeconds, 1));

        // Written before the ranking model so the measured figures survive an interrupted run.
        File.WriteAllText(Path.Combine(output, "metrics.json"), JsonSerializer.Serialize(report, ModelJson.Options));
        File.WriteAllText(Path.Combine(output, "MODEL_CARD.md"), ModelCard(report, samples.Count, pacingModel.Info.TrainedOn, days));

        // Ranking: the trainer of the next-lesson model (docs/ML-ranking.md), on the same presentations.
        var rankingCourses = await OuladRankingCourses.LoadAsync(all);
        var ranking = RankingTrainer.Train(rankingCourses, new RankingTrainerOptions() with { Seed = seed });
        ranking.Save(output);
        log($"ranking model {ranking.Version} trained ({clock.Elapsed.TotalSeconds:F0}s)");
        return report;
    }

    private static string ModelCard(TrainingReport report, int riskRows, int pacingRows, IReadOnlyList<int> days)
    {
        string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        text.AppendLine("# Model card: AdaptiveMooc risk, pacing, next-lesson and knowledge-tracing models");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Generated by `./mooc ml train` on {report.TrainedAt:yyyy-MM-dd HH:mm} UTC. See docs/ML.md for the models and features.");
        text.AppendLine();
        text.AppendLine("## Data");
        text.AppendLine(CultureInfo.InvariantCulture, $"{report.Data}: Open University Learning Analytics Dataset, © The Open University, licensed CC BY 4.0.");
        text.AppendLine("Kuzilek J., Hlosta M., Zdrahal Z., \"Open University Learning Analytics dataset\", Scientific Data 4:170171 (2017), doi:10.1038/sdata.2017.171.");
        text.AppendLine("Only event-derived features are used (clicks per resource and day, graded submissions, enrolment day) and the weekly study hours a learner declares at enrolment (OULAD: studied credits × 10 h over the presentation's weeks, capped at 100; blanked in one training row in four, so undeclared is handled): no demographics.");
        text.AppendLine();
        text.AppendLine("## Files");
        text.AppendLine(CultureInfo.InvariantCulture, $"* `risk.zip` / `risk.json`: P(Withdrawn or Fail), LightGBM, {riskRows} snapshots at course days {string.Join(", ", days)}; feature contributions give reason codes.");
        text.AppendLine("* `dropout.zip` / `dropout.json`: P(Withdrawn), same features and snapshots. Withdrawn = final result Withdrawn or an unregistration date; a snapshot's population = registrations dated before its day and not unregistered before it.");
        text.AppendLine(CultureInfo.InvariantCulture, $"* `pacing-late.zip`, `pacing-days.zip`, `pacing.json`: P(late or missing) and submission day relative to the deadline, {pacingRows} (registration, assessment) pairs; priors per module assessment; minutes factor settings.");
        text.AppendLine("* `next-lesson.zip`, `next-lesson.json`: next-lesson ranking (docs/ML-ranking.md), trained with time-ordered course aggregates (each query sees only rows dated before its day, as in service).");
        text.AppendLine("* `kt-model.zip`, `kt-priors.json`: knowledge tracing (P(correct) of the next answer), LightGBM over history features plus BKT priors, trained on OULAD's scored assessment submissions (item = assessment, skill = module and assessment type, correct = score ≥ 40). Platform items and skills are unknown to it: their priors fall back to the global rate, and the learner's own history drives the prediction.");
        text.AppendLine();
        text.AppendLine("## Protocol and figures");
        text.AppendLine(CultureInfo.InvariantCulture, $"Held-out split: {report.Split} (never a random row split: students recur across presentations).");
        text.AppendLine();
        foreach (var (name, value) in report.Figures)
        {
            switch (value)
            {
                case RiskEvaluationResult r:
                    text.AppendLine(CultureInfo.InvariantCulture, $"* {name}: AUC {F(r.Auc)}, PR-AUC {F(r.PrAuc)}, recall in top 20% {F(r.RecallTop20)}, n = {r.N}; logistic regression on counts AUC {F(r.BaselineLogisticAuc)}; −clicks percentile floor {F(r.FloorClicksPercentileAuc)}.");
                    break;
                case KtMetrics k:
                    text.AppendLine(CultureInfo.InvariantCulture, $"* {name}: P(pass) of the next scored submission, students held out ({KtHoldoutFraction:P0}): AUC {F(k.Auc)}, RMSE {F(k.Rmse)} (BKT baseline AUC {F(k.BktAuc)}, RMSE {F(k.BktRmse)}), n = {k.N} answers.");
                    break;
                case PacingEvaluationResult p:
                    text.AppendLine(CultureInfo.InvariantCulture, $"* {name}: late-or-missing AUC {F(p.LateAuc)} (baseline {F(p.BaselineLateAuc)}), MAE {F(p.MaeDays)} days (baseline {F(p.BaselineMaeDays)}), n = {p.N} pairs. Read instead: TMA pairs only AUC {F(p.TmaLateAuc)} (baseline {F(p.BaselineTmaLateAuc)}, n = {p.TmaN}); mean of per-assessment AUCs {F(p.MeanPerAssessmentLateAuc)} (baseline {F(p.BaselineMeanPerAssessmentLateAuc)}, {p.AssessmentsScored} assessments); pairs of assessments not flagged as all-late in training AUC {F(p.UnflaggedLateAuc)} (n = {p.UnflaggedN}). {p.AllLateInTraining.Count} training assessments have every submission dated after the deadline (OULAD's CMA dating, docs/ML.md).");
                    break;
            }
        }

        text.AppendLine();
        text.AppendLine("## Limits");
        text.AppendLine("* Trained on six modules of one university in 2013; other courses differ in click volumes (handled by cohort percentiles) and in how withdrawal shows (not handled).");
        text.AppendLine("* Withdrawal four weeks in is hard to predict from activity alone; treat the score as a prompt for a trainer to look, not a verdict.");
        text.AppendLine("* Knowledge tracing learned from coursework marks (about 8 scored assessments per student, 96% passed), not from question-level answers: on a platform quiz it mainly follows the learner's own running success; it should be retrained on the platform's own answers once there are enough (`train --from-db` does not do that yet).");
        text.AppendLine("* OULAD has no time-on-task: the minutes estimate learns only from the platform's own `result.duration` and starts at the declared minutes.");
        text.AppendLine("* Scores are calibrated on OULAD base rates; a course with a very different dropout rate shifts them.");
        return text.ToString();
    }
}
