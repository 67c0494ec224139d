using AdaptiveMooc.ML.Events;
using AdaptiveMooc.ML.Pacing;

namespace AdaptiveMooc.ML.Risk;

/// <summary>
/// What a learner grain carries about one enrolment to compute engagement features: a fixed set of
/// counters and exponentially decayed click sums, updated in O(1) per event, so its size never grows
/// with the number of events. Events are expected in timestamp order; a late event still adds to
/// every total (it may count its day as active twice).
/// </summary>
public sealed class EngagementState
{
    /// <summary>Half-life of the short activity memory, in days.</summary>
    public const double FastHalfLifeDays = 7;

    /// <summary>Half-life of the long activity memory, in days.</summary>
    public const double SlowHalfLifeDays = 28;

    /// <summary>Enrolment day relative to the course start (OULAD date_registration); null when unknown.</summary>
    public int? EnrolledDay { get; set; }

    /// <summary>
    /// Hours a week the learner declared at enrolment for all their current study, this course included
    /// (OULAD: studied credits × 10 notional hours over the presentation's weeks); null when not declared.
    /// </summary>
    public double? WeeklyStudyHours { get; set; }

    /// <summary>The most <see cref="WeeklyStudyHours"/> a learner can declare (the API refuses more; the OULAD adapter caps at it).</summary>
    public const double MaxWeeklyStudyHours = 100;

    public long TotalClicks { get; set; }

    public int ActiveDays { get; set; }

    public int ActiveWeeks { get; set; }

    public int? FirstActiveDay { get; set; }

    public int? LastActiveDay { get; set; }

    /// <summary>Click sum decayed with <see cref="FastHalfLifeDays"/>, valued at <see cref="DecayDay"/>.</summary>
    public double FastClicks { get; set; }

    /// <summary>Click sum decayed with <see cref="SlowHalfLifeDays"/>, valued at <see cref="DecayDay"/>.</summary>
    public double SlowClicks { get; set; }

    public int DecayDay { get; set; } = int.MinValue;

    /// <summary>Active days decayed with <see cref="FastHalfLifeDays"/>, valued at <see cref="DecayDay"/>.</summary>
    public double FastActiveDays { get; set; }

    /// <summary>Active days decayed with <see cref="SlowHalfLifeDays"/>, valued at <see cref="DecayDay"/>.</summary>
    public double SlowActiveDays { get; set; }

    /// <summary>Graded submissions (Completed/Passed/Failed about a scheduled assessment).</summary>
    public int Submitted { get; set; }

    public int Scored { get; set; }

    public double ScoreSum { get; set; }

    public double MinScore { get; set; } = double.NaN;

    public double LastScore { get; set; } = double.NaN;

    public int FailedCount { get; set; }

    /// <summary>Σ score × weight over scored submissions (the mark earned so far).</summary>
    public double WeightedScoreSum { get; set; }

    public void Apply(LearningEvent learningEvent, CourseSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(learningEvent);
        ArgumentNullException.ThrowIfNull(schedule);
        var day = schedule.DayOf(learningEvent.Timestamp);
        if (IsSubmission(learningEvent, schedule) is { } assessment)
        {
            ApplySubmission(learningEvent, assessment);
            return;
        }

        var count = Math.Max(1, learningEvent.Count);
        TotalClicks += count;
        var newDay = LastActiveDay != day ? 1 : 0;
        if (newDay == 1)
        {
            ActiveDays++;
            if (LastActiveDay is not { } last || Week(last) != Week(day))
            {
                ActiveWeeks++;
            }
        }

        FirstActiveDay = FirstActiveDay is { } first ? Math.Min(first, day) : day;
        LastActiveDay = LastActiveDay is { } previous ? Math.Max(previous, day) : day;
        if (DecayDay == int.MinValue)
        {
            DecayDay = day;
        }

        if (day >= DecayDay)
        {
            FastClicks = FastClicks * Decay(day - DecayDay, FastHalfLifeDays) + count;
            SlowClicks = SlowClicks * Decay(day - DecayDay, SlowHalfLifeDays) + count;
            FastActiveDays = FastActiveDays * Decay(day - DecayDay, FastHalfLifeDays) + newDay;
            SlowActiveDays = SlowActiveDays * Decay(day - DecayDay, SlowHalfLifeDays) + newDay;
            DecayDay = day;
        }
        else
        {
            FastClicks += count * Decay(DecayDay - day, FastHalfLifeDays);
            SlowClicks += count * Decay(DecayDay - day, SlowHalfLifeDays);
            FastActiveDays += newDay * Decay(DecayDay - day, FastHalfLifeDays);
            SlowActiveDays += newDay * Decay(DecayDay - day, SlowHalfLifeDays);
        }
    }

    /// <summary>The scheduled assessment a graded statement submits, or null for any other event.</summary>
    public static ScheduledAssessment? IsSubmission(LearningEvent learningEvent, CourseSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(learningEvent);
        ArgumentNullException.ThrowIfNull(schedule);
        return learningEvent.Verb is LearningVerb.Completed or LearningVerb.Passed or LearningVerb.Failed
            ? schedule.Find(learningEvent.LessonId)
            : null;
    }

    /// <summary>Decayed click sum valued at <paramref name="day"/> (≥ the last event's day).</summary>
    public double FastClicksAt(int day) => DecayDay == int.MinValue ? 0 : FastClicks * Decay(day - DecayDay, FastHalfLifeDays);

    public double SlowClicksAt(int day) => DecayDay == int.MinValue ? 0 : SlowClicks * Decay(day - DecayDay, SlowHalfLifeDays);

    /// <summary>Decayed active-day count valued at <paramref name="day"/> (≥ the last event's day).</summary>
    public double FastActiveDaysAt(int day) => DecayDay == int.MinValue ? 0 : FastActiveDays * Decay(day - DecayDay, FastHalfLifeDays);

    public double SlowActiveDaysAt(int day) => DecayDay == int.MinValue ? 0 : SlowActiveDays * Decay(day - DecayDay, SlowHalfLifeDays);

    private void ApplySubmission(LearningEvent learningEvent, ScheduledAssessment assessment)
    {
        Submitted++;
        if (learningEvent.Verb == LearningVerb.Failed || learningEvent.Success == false)
        {
            FailedCount++;
        }

        if (learningEvent.ScoreScaled is { } score)
        {
            Scored++;
            ScoreSum += score;
            MinScore = double.IsNaN(MinScore) ? score : Math.Min(MinScore, score);
            LastScore = score;
            WeightedScoreSum += score * assessment.Weight;
        }
    }

    private static int Week(int day) => (int)Math.Floor(day / 7.0);

    private static double Decay(int days, double halfLife) => Math.Pow(2, -Math.Max(0, days) / halfLife);
}
