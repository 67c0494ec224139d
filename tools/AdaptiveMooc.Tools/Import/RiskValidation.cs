using System.Globalization;
using System.Text.Json;
using AdaptiveMooc.ML.Evaluation;

namespace AdaptiveMooc.Tools.Import;

/// <summary>
/// The platform's at-risk list as of the cut-off day, scored against what the students really did
/// (final_result Withdrawn). Population, as in the risk protocol of the datasets README: registrations
/// not unregistered before the cut-off, here also enrolled by then (the platform cannot score a learner
/// it has not enrolled yet). A learner of the population missing from the list gets a score below
/// every listed one (tied with the other missing ones), so a short list is scored as what it says: "not
/// flagged". Beside it, the no-training floor on the same population: fewer clicks before the cut-off,
/// more risk.
/// </summary>
/// <param name="Status">The analytics' <c>atRiskStatus</c>.</param>
/// <param name="Auc">Null when the platform gave no list (the status says why); never invented.</param>
internal sealed record RiskValidation(
    int CutoffDay,
    string Status,
    int Population,
    int Withdrawn,
    int Listed,
    int ListedInPopulation,
    double? Auc,
    double? PrAuc,
    double FloorAuc,
    int FailedOrWithdrawn,
    double? AtRiskAuc,
    double AtRiskFloorAuc)
{
    public static async Task<RiskValidation> RunAsync(PlatformApi api, ImportPlan plan, int cutoff, DateTimeOffset asOf, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(log);
        var population = plan.Learners.Where(l => l.Registration.RegisteredAt(cutoff) && l.EnrolledDay <= cutoff).ToList();
        var clicks = new Dictionary<int, long>();
        foreach (var s in plan.Statements.AsSpan(0, plan.FirstStatementOnOrAfter(cutoff)))
        {
            if (!s.IsSubmission)
            {
                clicks[s.StudentId] = clicks.GetValueOrDefault(s.StudentId) + s.Clicks;
            }
        }

        var labels = population.Select(l => l.Registration.Withdrawn).ToList();
        var atRiskLabels = population.Select(l => l.Registration.AtRisk).ToList();
        var fewerClicks = population.Select(l => -(double)clicks.GetValueOrDefault(l.Registration.StudentId)).ToList();
        var floor = BinaryMetrics.Auc(fewerClicks, labels);
        var atRiskFloor = BinaryMetrics.Auc(fewerClicks, atRiskLabels);

        // Ask for the whole list, page by page (500 a page): every enrolled learner scored, not a top few.
        var at = Uri.EscapeDataString(asOf.ToString("O", CultureInfo.InvariantCulture));
        var status = "(no atRiskStatus)";
        var risks = new Dictionary<string, double>(StringComparer.Ordinal);
        var atRisk = new Dictionary<string, double>(StringComparer.Ordinal);
        for (string? page = $"/api/courses/{plan.Presentation.CourseId}/analytics?asOf={at}&atRiskLimit=500"; page is not null;)
        {
            var answer = (await api.GetAsync(page, cancellationToken)).Expect("GET analytics");
            page = answer.Next;
            using var document = answer.Document();
            var root = document.RootElement;
            status = root.TryGetProperty("atRiskStatus", out var s1) && s1.ValueKind == JsonValueKind.String ? s1.GetString()! : status;
            if (root.TryGetProperty("atRisk", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var entry in list.EnumerateArray())
                {
                    if (entry.TryGetProperty("learnerId", out var id) && entry.TryGetProperty("risk", out var risk) && risk.ValueKind == JsonValueKind.Number)
                    {
                        risks[id.GetString()!] = risk.GetDouble();
                        if (entry.TryGetProperty("atRiskProbability", out var p) && p.ValueKind == JsonValueKind.Number)
                        {
                            atRisk[id.GetString()!] = p.GetDouble();
                        }
                    }
                }
            }
        }

        var listedInPopulation = population.Count(l => risks.ContainsKey(l.LearnerId));
        double? auc = null, prAuc = null, atRiskAuc = null;
        if (risks.Count > 0)
        {
            var scores = population.Select(l => risks.TryGetValue(l.LearnerId, out var r) ? r : double.NegativeInfinity).ToList();
            auc = BinaryMetrics.Auc(scores, labels);
            prAuc = BinaryMetrics.AveragePrecision(scores, labels);
        }

        // The second model (withdrawn or failed), when the platform serves it, against its own label.
        if (atRisk.Count > 0)
        {
            atRiskAuc = BinaryMetrics.Auc([.. population.Select(l => atRisk.TryGetValue(l.LearnerId, out var r) ? r : double.NegativeInfinity)], atRiskLabels);
        }

        var result = new RiskValidation(
            cutoff, status, population.Count, labels.Count(l => l), risks.Count, listedInPopulation, auc, prAuc, floor,
            atRiskLabels.Count(l => l), atRiskAuc, atRiskFloor);
        log.WriteLine(auc is { } a
            ? $"import: at-risk list as of day {cutoff}: {risks.Count} learners listed ({listedInPopulation} of the {population.Count} in the population), "
              + $"withdrawal AUC {a:F3}, PR-AUC {prAuc:F3} (floor, fewer clicks = more risk: {floor:F3}; status: {status})"
            : $"import: the at-risk list as of day {cutoff} is unavailable ({status}): no AUC. Floor on the same population: {floor:F3}");
        return result;
    }
}
