using AdaptiveMooc.ML.Pacing;
using AdaptiveMooc.ML.Risk;

namespace AdaptiveMooc.ML.Oulad;

/// <summary>
/// Applies the evaluation protocols of the datasets README to an OULAD folder, one presentation at a
/// time (only one presentation's events are in memory). Features come from the shared online states
/// fed with the adapter's events (<see cref="LearnerReplay"/>); this class only chooses who is
/// scored, at which day, and with which label.
/// </summary>
public static class OuladFeatureExtractor
{
    /// <summary>
    /// Risk population: registrations dated before each cut-off (blank dates count as before) with no
    /// unregistration before it, features from records before it.
    /// </summary>
    public static async Task<IReadOnlyList<OuladRiskSample>> RiskSamplesAsync(
        OuladDataset dataset, IReadOnlyList<int> cutoffs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var result = new List<OuladRiskSample>();
        foreach (var presentation in dataset.Presentations)
        {
            var histories = await dataset.HistoriesAsync(presentation, cancellationToken);
            result.AddRange(RiskSamples(dataset.ScheduleOf(presentation), presentation, histories, cutoffs));
        }

        return result;
    }

    public static IReadOnlyList<OuladRiskSample> RiskSamples(
        CourseSchedule schedule, OuladPresentation presentation, IReadOnlyList<OuladLearnerHistory> histories, IReadOnlyList<int> cutoffs)
    {
        ArgumentNullException.ThrowIfNull(histories);
        ArgumentNullException.ThrowIfNull(cutoffs);
        var days = cutoffs.Distinct().Order().ToArray();
        var raw = Snapshots(schedule, presentation, histories, days);
        var result = new List<OuladRiskSample>();
        for (var k = 0; k < days.Length; k++)
        {
            var cohort = CohortStats.From(raw[k].Select(r => r.Raw));
            foreach (var (history, vector) in raw[k])
            {
                result.Add(new OuladRiskSample(presentation, history.Registration, days[k], RiskFeatures.Complete(vector, cohort)));
            }
        }

        return result;
    }

    /// <summary>Pacing pairs of every selected presentation (see <see cref="PacingPairs"/>).</summary>
    public static async Task<IReadOnlyList<OuladPacingPair>> PacingPairsAsync(OuladDataset dataset, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var result = new List<OuladPacingPair>();
        foreach (var presentation in dataset.Presentations)
        {
            var histories = await dataset.HistoriesAsync(presentation, cancellationToken);
            result.AddRange(PacingPairs(dataset, presentation, histories));
        }

        return result;
    }

    /// <summary>
    /// Pairs (registration, TMA or CMA with a deadline); prediction day = deadline − 7; pairs whose
    /// registration is dated on or after that day or ended before it, whose result is banked, or
    /// already submitted before it are dropped.
    /// </summary>
    public static IReadOnlyList<OuladPacingPair> PacingPairs(OuladDataset dataset, OuladPresentation presentation, IReadOnlyList<OuladLearnerHistory> histories)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(histories);
        var assessments = PacedAssessments(dataset.AssessmentsOf(presentation));
        var submissions = dataset.SubmissionsOf(presentation).ToLookup(s => (s.StudentId, s.AssessmentId));
        var days = assessments.Select(a => a.Assessment.Deadline!.Value - 7).Distinct().Order().ToArray();
        var snapshots = Snapshots(dataset.ScheduleOf(presentation), presentation, histories, days);
        var result = new List<OuladPacingPair>();
        for (var k = 0; k < days.Length; k++)
        {
            var day = days[k];
            var cohort = CohortStats.From(snapshots[k].Select(r => r.Raw));
            foreach (var (history, raw) in snapshots[k])
            {
                float[]? features = null;
                foreach (var (assessment, position) in assessments)
                {
                    if (assessment.Deadline!.Value - 7 != day)
                    {
                        continue;
                    }

                    var own = submissions[(history.Registration.StudentId, assessment.Id)].ToList();
                    if (own.Exists(s => s.IsBanked))
                    {
                        continue;
                    }

                    int? submitted = own.Count == 0 ? null : own.Min(s => s.DaySubmitted);
                    if (submitted < day)
                    {
                        continue;
                    }

                    features ??= RiskFeatures.Complete(raw, cohort);
                    result.Add(new OuladPacingPair(presentation, history.Registration, assessment, position, day, features, submitted));
                }
            }
        }

        return result;
    }

    /// <summary>Dated TMA/CMA with their position among the same type's assessments ordered by deadline.</summary>
    public static IReadOnlyList<(OuladAssessment Assessment, int Position)> PacedAssessments(IReadOnlyList<OuladAssessment> assessments)
    {
        ArgumentNullException.ThrowIfNull(assessments);
        return [.. assessments
            .Where(a => a.Deadline is not null && a.Type is "TMA" or "CMA")
            .GroupBy(a => a.Type)
            .SelectMany(g => g.OrderBy(a => a.Deadline).ThenBy(a => a.Id).Select((a, i) => (a, i)))
            .OrderBy(p => p.a.Deadline).ThenBy(p => p.a.Id)];
    }

    /// <summary>Raw features of every registration enrolled at each day (ascending; <see cref="OuladRegistration.EnrolledAt"/>).</summary>
    private static List<(OuladLearnerHistory History, float[] Raw)>[] Snapshots(
        CourseSchedule schedule, OuladPresentation presentation, IReadOnlyList<OuladLearnerHistory> histories, int[] days)
    {
        var result = days.Select(_ => new List<(OuladLearnerHistory, float[])>()).ToArray();
        foreach (var history in histories)
        {
            var registration = history.Registration;
            LearnerReplay.Run(history.Events, schedule, registration.RegistrationDay, days, (k, engagement, pacing) =>
            {
                if (registration.EnrolledAt(days[k]))
                {
                    result[k].Add((history, RiskFeatures.Raw(engagement, pacing, schedule, days[k])));
                }
            }, registration.WeeklyStudyHours(presentation.LengthDays));
        }

        return result;
    }
}
