using AdaptiveMooc.ML.Pacing;

namespace AdaptiveMooc.ML.Risk;

/// <summary>
/// The learner feature vector shared by the risk and pacing models: raw features from a learner's
/// <see cref="EngagementState"/> and <see cref="LearnerPacingState"/> at a course day, followed by
/// percentiles within the cohort (the course's other enrolled learners at the same day), because
/// click volumes differ about tenfold between courses. Missing values are NaN (trees route them).
/// </summary>
public static class RiskFeatures
{
    public const int Day = 0;
    public const int EnrolledDay = 1;
    public const int LogClicks = 2;
    public const int ActiveDays = 3;
    public const int ActiveWeeks = 4;
    public const int DaysSinceLastActive = 5;
    public const int LogFastClicks = 6;
    public const int LogSlowClicks = 7;
    public const int Trend = 8;
    public const int DaysSinceFirstActive = 9;
    public const int Submitted = 10;
    public const int DueBefore = 11;
    public const int Missed = 12;
    public const int MeanScore = 13;
    public const int MinScore = 14;
    public const int LastScore = 15;
    public const int FailedCount = 16;
    public const int MarkSoFar = 17;
    public const int MeanLateness = 18;
    public const int LateCount = 19;
    public const int LastLateness = 20;
    public const int ActiveDayRate = 21;
    public const int DaysToNextDue = 22;
    public const int DaysSinceLastDue = 23;
    public const int SubmittedRatio = 24;
    public const int FastActiveDays = 25;
    public const int SlowActiveDays = 26;
    public const int ActiveDaysTrend = 27;
    public const int StudyHours = 28;

    /// <summary>Raw features end here; the cohort percentiles follow.</summary>
    public const int RawCount = 29;

    public const int ClicksPercentile = 29;
    public const int ActiveDaysPercentile = 30;
    public const int FastClicksPercentile = 31;
    public const int MarkPercentile = 32;
    public const int SlowClicksPercentile = 33;
    public const int RecencyPercentile = 34;
    public const int TrendPercentile = 35;
    public const int MeanScorePercentile = 36;
    public const int EnrolledDayPercentile = 37;
    public const int ActiveWeeksPercentile = 38;
    public const int SubmittedPercentile = 39;
    public const int FastActiveDaysPercentile = 40;
    public const int ActiveDayRatePercentile = 41;
    public const int FirstActivePercentile = 42;

    public const int Count = 43;

    /// <summary>Raw feature index each cohort percentile ranks.</summary>
    internal static readonly int[] CohortSources =
        [
            LogClicks, ActiveDays, LogFastClicks, MarkSoFar, LogSlowClicks, DaysSinceLastActive, Trend, MeanScore, EnrolledDay, ActiveWeeks,
            Submitted, FastActiveDays, ActiveDayRate, DaysSinceFirstActive,
        ];

    public static IReadOnlyList<string> Names { get; } =
    [
        "day", "enrolledDay", "logClicks", "activeDays", "activeWeeks", "daysSinceLastActive",
        "logClicks7dHalfLife", "logClicks28dHalfLife", "activityTrend", "daysSinceFirstActive",
        "submitted", "dueBefore", "missed", "meanScore", "minScore", "lastScore", "failedCount",
        "markSoFar", "meanLatenessDays", "lateCount", "lastLatenessDays", "activeDayRate",
        "daysToNextDue", "daysSinceLastDue", "submittedOfDue", "activeDays7dHalfLife", "activeDays28dHalfLife",
        "activeDaysTrend", "weeklyStudyHours",
        "clicksPercentile", "activeDaysPercentile", "recentClicksPercentile", "markPercentile",
        "longTermClicksPercentile", "recencyPercentile", "trendPercentile", "meanScorePercentile",
        "enrolledDayPercentile", "activeWeeksPercentile", "submittedPercentile", "recentActiveDaysPercentile",
        "activeDayRatePercentile", "firstActivePercentile",
    ];

    /// <summary>Raw features at the start of <paramref name="day"/> (the states must hold only events before it).</summary>
    public static float[] Raw(EngagementState engagement, LearnerPacingState pacing, CourseSchedule schedule, int day)
    {
        ArgumentNullException.ThrowIfNull(engagement);
        ArgumentNullException.ThrowIfNull(pacing);
        ArgumentNullException.ThrowIfNull(schedule);
        var f = new float[RawCount];
        var fast = Math.Log(1 + engagement.FastClicksAt(day));
        var slow = Math.Log(1 + engagement.SlowClicksAt(day));
        var due = schedule.CountDueBefore(day);
        double dueWeight = 0;
        int? nextDue = null, lastDue = null;
        foreach (var a in schedule.Assessments)
        {
            if (a.DueDay is not { } d || !CourseSchedule.IsCoursework(a))
            {
                continue;
            }

            if (d < day)
            {
                dueWeight += a.Weight;
                lastDue = lastDue is { } l ? Math.Max(l, d) : d;
            }
            else
            {
                nextDue = nextDue is { } n ? Math.Min(n, d) : d;
            }
        }

        var fastActive = engagement.FastActiveDaysAt(day);
        var slowActive = engagement.SlowActiveDaysAt(day);

        // Days the learner could have been active: from enrolment (at most 30 days before the start).
        var window = day - Math.Max(engagement.EnrolledDay ?? 0, -30);
        f[Day] = day;
        f[EnrolledDay] = engagement.EnrolledDay is { } e ? e : float.NaN;
        f[LogClicks] = (float)Math.Log(1 + engagement.TotalClicks);
        f[ActiveDays] = engagement.ActiveDays;
        f[ActiveWeeks] = engagement.ActiveWeeks;
        f[DaysSinceLastActive] = engagement.LastActiveDay is { } last ? day - last : float.NaN;
        f[LogFastClicks] = (float)fast;
        f[LogSlowClicks] = (float)slow;
        f[Trend] = (float)(fast - slow);
        f[DaysSinceFirstActive] = engagement.FirstActiveDay is { } first ? day - first : float.NaN;
        f[Submitted] = engagement.Submitted;
        f[DueBefore] = due;
        f[Missed] = Math.Max(0, due - engagement.Submitted);
        f[MeanScore] = engagement.Scored == 0 ? float.NaN : (float)(engagement.ScoreSum / engagement.Scored);
        f[MinScore] = (float)engagement.MinScore;
        f[LastScore] = (float)engagement.LastScore;
        f[FailedCount] = engagement.FailedCount;
        f[MarkSoFar] = dueWeight > 0 ? (float)(engagement.WeightedScoreSum / dueWeight) : float.NaN;
        f[MeanLateness] = (float)pacing.MeanLateness;
        f[LateCount] = pacing.LateCount;
        f[LastLateness] = (float)pacing.LastLateness;
        f[ActiveDayRate] = window > 0 ? (float)engagement.ActiveDays / window : float.NaN;
        f[DaysToNextDue] = nextDue is { } next ? next - day : float.NaN;
        f[DaysSinceLastDue] = lastDue is { } previousDue ? day - previousDue : float.NaN;
        f[SubmittedRatio] = due > 0 ? (float)engagement.Submitted / due : float.NaN;
        f[FastActiveDays] = (float)fastActive;
        f[SlowActiveDays] = (float)slowActive;
        f[ActiveDaysTrend] = slowActive > 0 ? (float)(fastActive / slowActive) : float.NaN;
        f[StudyHours] = engagement.WeeklyStudyHours is { } hours ? (float)hours : float.NaN;
        return f;
    }

    /// <summary>
    /// Training rows with <see cref="StudyHours"/> blanked for every <see cref="UndeclaredShare"/>-th row
    /// (deterministically, by position): training data always knows the study load (OULAD's credits),
    /// platform learners may not declare it, and a tree never shown a missing value routes it as zero
    /// hours, the lowest-risk value. The caller's rows are not changed.
    /// </summary>
    public static List<float[]> WithUndeclaredStudyHours(IReadOnlyList<float[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var result = new List<float[]>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length > StudyHours && !float.IsNaN(rows[i][StudyHours]) && i % UndeclaredShare == 0)
            {
                var copy = (float[])rows[i].Clone();
                copy[StudyHours] = float.NaN;
                result.Add(copy);
            }
            else
            {
                result.Add(rows[i]);
            }
        }

        return result;
    }

    /// <summary>One training row in this many has its study load blanked (<see cref="WithUndeclaredStudyHours"/>).</summary>
    public const int UndeclaredShare = 4;

    /// <summary>The full vector: <paramref name="raw"/> followed by its percentiles in <paramref name="cohort"/>.</summary>
    public static float[] Complete(float[] raw, CohortStats cohort)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(cohort);
        var f = new float[Count];
        Array.Copy(raw, f, RawCount);
        for (var i = 0; i < CohortSources.Length; i++)
        {
            f[RawCount + i] = cohort.Percentile(i, raw[CohortSources[i]]);
        }

        return f;
    }
}
