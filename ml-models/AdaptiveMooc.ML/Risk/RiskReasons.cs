using System.Globalization;

namespace AdaptiveMooc.ML.Risk;

/// <summary>Turns per-feature contributions into human-readable reason codes.</summary>
internal static class RiskReasons
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Reason code per feature; null for context features (course day) that explain nothing.</summary>
    private static readonly string?[] Codes = BuildCodes();

    public static IReadOnlyList<RiskReason> Top(float[] features, float[] contributions, int count)
    {
        var byCode = new Dictionary<string, (double Sum, int Feature, double Best)>(StringComparer.Ordinal);
        for (var i = 0; i < contributions.Length && i < Codes.Length; i++)
        {
            if (Codes[i] is not { } code || !(contributions[i] > 0))
            {
                continue;
            }

            var current = byCode.TryGetValue(code, out var c) ? c : (Sum: 0.0, Feature: i, Best: 0.0);
            byCode[code] = contributions[i] > current.Best
                ? (current.Sum + contributions[i], i, contributions[i])
                : (current.Sum + contributions[i], current.Feature, current.Best);
        }

        return [.. byCode
            .OrderByDescending(p => p.Value.Sum)
            .ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(count)
            .Select(p => new RiskReason(p.Key, Describe(p.Key, p.Value.Feature, features), Math.Round(p.Value.Sum, 4)))];
    }

    private static string Describe(string code, int feature, float[] f)
    {
        string V(int i) => float.IsNaN(f[i]) ? "n/a" : f[i].ToString("0.##", Invariant);
        string Pct(int i) => float.IsNaN(f[i]) ? "n/a" : (100 * f[i]).ToString("0", Invariant) + "%";
        return code switch
        {
            "inactive-recently" => float.IsNaN(f[RiskFeatures.DaysSinceLastActive])
                ? "no activity yet"
                : $"no activity for {V(RiskFeatures.DaysSinceLastActive)} days",
            "low-activity-vs-cohort" => $"activity at the {Pct(RiskFeatures.ClicksPercentile)} percentile of the course (active days percentile {Pct(RiskFeatures.ActiveDaysPercentile)})",
            "low-recent-activity" => $"recent activity at the {Pct(RiskFeatures.FastClicksPercentile)} percentile of the course",
            "declining-activity" => $"activity trend {V(RiskFeatures.Trend)} (recent vs. longer-term, log scale)",
            "few-active-days" => $"{V(RiskFeatures.ActiveDays)} active days in {V(RiskFeatures.ActiveWeeks)} weeks",
            "missed-assessments" => f[RiskFeatures.DueBefore] > 0
                ? $"{V(RiskFeatures.Missed)} of {V(RiskFeatures.DueBefore)} assessments due so far not submitted"
                : f[RiskFeatures.Submitted] > 0
                    ? $"{V(RiskFeatures.Submitted)} assessments submitted so far, none due yet"
                    : "no assessment submitted yet (none due so far)",
            "low-scores" => float.IsNaN(f[RiskFeatures.MeanScore])
                ? "no scored assessment yet"
                : $"mean score {V(RiskFeatures.MeanScore)}, mark so far {V(RiskFeatures.MarkSoFar)} (score percentile {Pct(RiskFeatures.MarkPercentile)})",
            "late-submissions" => $"{V(RiskFeatures.LateCount)} late submissions, mean lateness {V(RiskFeatures.MeanLateness)} days",
            "late-enrolment" => $"enrolled on course day {V(RiskFeatures.EnrolledDay)}",
            "heavy-study-load" => $"declared {V(RiskFeatures.StudyHours)} h of study a week across all courses",
            "late-start" => float.IsNaN(f[RiskFeatures.DaysSinceFirstActive])
                ? "has not started"
                : $"first active {V(RiskFeatures.DaysSinceFirstActive)} days ago",
            _ => $"{RiskFeatures.Names[feature]} = {V(feature)}",
        };
    }

    private static string?[] BuildCodes()
    {
        var codes = new string?[RiskFeatures.Count];
        codes[RiskFeatures.EnrolledDay] = "late-enrolment";
        codes[RiskFeatures.LogClicks] = "low-activity-vs-cohort";
        codes[RiskFeatures.ClicksPercentile] = "low-activity-vs-cohort";
        codes[RiskFeatures.ActiveDaysPercentile] = "low-activity-vs-cohort";
        codes[RiskFeatures.ActiveDays] = "few-active-days";
        codes[RiskFeatures.ActiveWeeks] = "few-active-days";
        codes[RiskFeatures.ActiveDayRate] = "few-active-days";
        codes[RiskFeatures.DaysSinceLastActive] = "inactive-recently";
        codes[RiskFeatures.LogFastClicks] = "low-recent-activity";
        codes[RiskFeatures.LogSlowClicks] = "low-recent-activity";
        codes[RiskFeatures.FastClicksPercentile] = "low-recent-activity";
        codes[RiskFeatures.Trend] = "declining-activity";
        codes[RiskFeatures.DaysSinceFirstActive] = "late-start";
        codes[RiskFeatures.Submitted] = "missed-assessments";
        codes[RiskFeatures.Missed] = "missed-assessments";
        codes[RiskFeatures.MeanScore] = "low-scores";
        codes[RiskFeatures.MinScore] = "low-scores";
        codes[RiskFeatures.LastScore] = "low-scores";
        codes[RiskFeatures.FailedCount] = "low-scores";
        codes[RiskFeatures.MarkSoFar] = "low-scores";
        codes[RiskFeatures.MarkPercentile] = "low-scores";
        codes[RiskFeatures.MeanScorePercentile] = "low-scores";
        codes[RiskFeatures.SlowClicksPercentile] = "low-activity-vs-cohort";
        codes[RiskFeatures.ActiveWeeksPercentile] = "few-active-days";
        codes[RiskFeatures.RecencyPercentile] = "inactive-recently";
        codes[RiskFeatures.TrendPercentile] = "declining-activity";
        codes[RiskFeatures.EnrolledDayPercentile] = "late-enrolment";
        codes[RiskFeatures.MeanLateness] = "late-submissions";
        codes[RiskFeatures.LateCount] = "late-submissions";
        codes[RiskFeatures.LastLateness] = "late-submissions";
        codes[RiskFeatures.SubmittedRatio] = "missed-assessments";
        codes[RiskFeatures.SubmittedPercentile] = "missed-assessments";
        // Few active days in the last week or two is what "inactive recently" means to a trainer.
        codes[RiskFeatures.FastActiveDays] = "inactive-recently";
        codes[RiskFeatures.SlowActiveDays] = "few-active-days";
        codes[RiskFeatures.FastActiveDaysPercentile] = "inactive-recently";
        codes[RiskFeatures.ActiveDaysTrend] = "declining-activity";
        codes[RiskFeatures.ActiveDayRatePercentile] = "few-active-days";
        codes[RiskFeatures.FirstActivePercentile] = "late-start";
        codes[RiskFeatures.StudyHours] = "heavy-study-load";
        return codes;
    }
}
