using AdaptiveMooc.Grains.Abstractions.Analytics;
using AdaptiveMooc.Grains.Abstractions.Courses;
using AdaptiveMooc.ML.Events;
using AdaptiveMooc.ML.Pacing;
using AdaptiveMooc.ML.Risk;

namespace AdaptiveMooc.Grains.Analytics;

/// <summary>
/// The risk model's raw features for one learner row, computed by the ML project's own feature code
/// (<see cref="LearnerReplay"/>, <see cref="EngagementState"/>, <see cref="RiskFeatures"/>) from the
/// row's per-day activity counts and graded attempts. Course days start at 00:00 UTC of the course's
/// <c>startDate</c>, or of the learner's enrolment date when the course has none; features are taken
/// at the start of the course day holding <c>asOf</c>, as training snapshots are (they see the events
/// of the days before it), so they use only statements timestamped before <c>asOf</c>.
/// </summary>
internal static class AtRiskFeatures
{
    /// <summary>
    /// Quizzes and assignments are the course's assessments. Course definitions carry no weights, so
    /// every assessment weighs the same (the mark-so-far feature is a weighted mean, so only ratios matter).
    /// </summary>
    public static IReadOnlyList<ScheduledAssessment> Assessments(CourseDefinition course)
    {
        ArgumentNullException.ThrowIfNull(course);
        return [.. course.AllLessons().Where(l => LessonKinds.IsGraded(l.Kind)).Select(l => new ScheduledAssessment(l.Id, l.Kind, l.DueDay, 1))];
    }

    /// <summary>Scored learners: enrolled at <paramref name="asOf"/> and not withdrawn before it (OULAD's "registered at the cut-off").</summary>
    public static bool InPopulation(LearnerAnalyticsRow row, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.EnrolledAt is { } enrolled && enrolled <= asOf && !(row.WithdrawnAt is { } withdrawn && withdrawn < asOf);
    }

    public static DateTimeOffset? DayZero(CourseDefinition course, LearnerAnalyticsRow row)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(row);
        return course.StartDate is { } start
            ? new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
            : row.EnrolledAt is { } enrolled ? new DateTimeOffset(enrolled.UtcDateTime.Date, TimeSpan.Zero) : null;
    }

    /// <summary>The course day and raw feature vector of a learner at <paramref name="asOf"/>; null outside the population.</summary>
    public static LearnerRiskInput? Raw(CourseDefinition course, IReadOnlyList<ScheduledAssessment> assessments, LearnerAnalyticsRow row, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(assessments);
        if (!InPopulation(row, asOf) || DayZero(course, row) is not { } zero)
        {
            return null;
        }

        var schedule = new CourseSchedule(course.Id, zero, assessments);
        var day = schedule.DayOf(asOf);
        int? enrolledDay = course.StartDate is null ? 0 : schedule.DayOf(row.EnrolledAt!.Value);
        float[]? raw = null;
        LearnerReplay.Run(Events(course.Id, row), schedule, enrolledDay, [day], (_, engagement, pacing) =>
            raw = RiskFeatures.Raw(engagement, pacing, schedule, day), row.WeeklyStudyHours);
        return new LearnerRiskInput(row.LearnerId, day, raw!);
    }

    /// <summary>
    /// The row as learning events in time order: one event per active UTC day carrying that day's count
    /// (every feature of a day's clicks depends only on their day and sum), and each graded attempt as itself.
    /// </summary>
    public static List<LearningEvent> Events(string courseId, LearnerAnalyticsRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var events = new List<LearningEvent>(row.Activity.Count + row.Graded.Sum(g => g.Value.Count));
        foreach (var (day, count) in row.Activity)
        {
            var midnight = new DateTimeOffset(DateOnly.FromDayNumber(day).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            events.Add(new LearningEvent(row.LearnerId, courseId, null, null, LearningVerb.Experienced, midnight, null, null, null, [], count));
        }

        foreach (var (lessonId, attempts) in row.Graded)
        {
            foreach (var a in attempts)
            {
                var verb = Enum.TryParse<LearningVerb>(a.Verb, out var parsed) ? parsed : LearningVerb.Other;
                events.Add(new LearningEvent(row.LearnerId, courseId, lessonId, null, verb, a.Timestamp, a.Success, a.ScoreScaled, null, []));
            }
        }

        events.Sort((a, b) => a.Timestamp.CompareTo(b.Timestamp));
        return events;
    }
}
