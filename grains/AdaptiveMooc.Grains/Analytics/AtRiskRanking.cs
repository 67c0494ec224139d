using System.Globalization;
using AdaptiveMooc.Grains.Abstractions.Analytics;
using AdaptiveMooc.ML.Risk;

namespace AdaptiveMooc.Grains.Analytics;

/// <summary>
/// Scores a course's learners together: the cohort percentiles of <see cref="RiskFeatures"/> rank each
/// learner among the others scored with it, as training did per presentation and cut-off day.
/// </summary>
internal static class AtRiskRanking
{
    public const int Reasons = 3;

    public static IReadOnlyList<AtRiskLearner> Rank(IReadOnlyList<LearnerRiskInput> inputs, RiskModel withdrawn, RiskModel? atRisk, int limit)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(withdrawn);
        var cohort = CohortStats.From(inputs.Select(i => i.Raw));
        var scored = new List<AtRiskLearner>(inputs.Count);
        GrainMetrics.ModelPredictions.Add(inputs.Count, new KeyValuePair<string, object?>("model", Models.ModelSet.WithdrawnName));
        if (atRisk is not null)
        {
            GrainMetrics.ModelPredictions.Add(inputs.Count, new KeyValuePair<string, object?>("model", Models.ModelSet.AtRiskName));
        }

        foreach (var input in inputs)
        {
            var features = RiskFeatures.Complete(input.Raw, cohort);
            var score = withdrawn.Score(features, Reasons);
            double? atRiskProbability = atRisk is null ? null : Round(atRisk.Score(features, reasons: 0).Risk);
            scored.Add(new AtRiskLearner(
                input.LearnerId,
                Round(score.Risk),
                [.. score.Reasons.Select(r => r.Text)],
                atRiskProbability,
                [.. score.Reasons.Select(r => r.Code)],
                input.Day));
        }

        return [.. scored
            .OrderByDescending(l => l.Risk)
            .ThenBy(l => l.LearnerId, StringComparer.Ordinal)
            .Take(limit)];
    }

    /// <summary>Says which models served the list and which statements it saw, so a reader never has to guess.</summary>
    public static string Status(string version, bool atRiskLoaded, DateTimeOffset asOf, int scored) =>
        string.Create(CultureInfo.InvariantCulture,
            $"model set {version}: risk = P(withdrawn) from dropout.zip, atRiskProbability = {(atRiskLoaded ? "P(withdrawn or fail) from risk.zip" : "absent (risk.zip not loaded)")}; {scored} learners scored on statements timestamped before {asOf.UtcDateTime.Date:yyyy-MM-dd}T00:00:00Z (the start of the asOf day)");

    private static double Round(double value) => Math.Round(value, 4);
}
