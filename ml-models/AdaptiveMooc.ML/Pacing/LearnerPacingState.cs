using AdaptiveMooc.ML.Events;
using AdaptiveMooc.ML.Risk;

namespace AdaptiveMooc.ML.Pacing;

/// <summary>
/// A learner's pacing so far in one course, updated in O(1) per event: lateness of graded
/// submissions against their deadlines, and the ratio of reported time (<c>result.duration</c>) to
/// the lesson's declared minutes. OULAD has no time-on-task, so on OULAD only the lateness part
/// learns anything; the duration factor learns from the platform's own statements.
/// </summary>
public sealed class LearnerPacingState
{
    /// <summary>Ratios are clipped to [1/5, 5]: one abandoned tab must not decide a learner's factor.</summary>
    public const double MaxRatio = 5;

    /// <summary>Submissions of dated coursework seen.</summary>
    public int DatedSubmissions { get; set; }

    /// <summary>Σ (submission day − deadline) over dated submissions.</summary>
    public double LatenessSum { get; set; }

    public int LateCount { get; set; }

    public double LastLateness { get; set; } = double.NaN;

    /// <summary>Statements with both a duration and a lesson with declared minutes.</summary>
    public int TimedLessons { get; set; }

    /// <summary>Σ ln(reported minutes / declared minutes), each clipped to ±ln <see cref="MaxRatio"/>.</summary>
    public double LogRatioSum { get; set; }

    public double MeanLateness => DatedSubmissions == 0 ? double.NaN : LatenessSum / DatedSubmissions;

    public void Apply(LearningEvent learningEvent, CourseSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(learningEvent);
        ArgumentNullException.ThrowIfNull(schedule);
        if (EngagementState.IsSubmission(learningEvent, schedule) is { DueDay: { } due } assessment && CourseSchedule.IsCoursework(assessment))
        {
            var lateness = schedule.DayOf(learningEvent.Timestamp) - due;
            DatedSubmissions++;
            LatenessSum += lateness;
            LastLateness = lateness;
            if (lateness > 0)
            {
                LateCount++;
            }
        }

        if (learningEvent.Duration is { } duration && duration > TimeSpan.Zero
            && schedule.DeclaredMinutes(learningEvent.LessonId) is { } declared && declared > 0)
        {
            var ratio = Math.Clamp(duration.TotalMinutes / declared, 1 / MaxRatio, MaxRatio);
            TimedLessons++;
            LogRatioSum += Math.Log(ratio);
        }
    }
}
