using AdaptiveMooc.Grains.Abstractions.Courses;
using AdaptiveMooc.Grains.Abstractions.Learners;

namespace AdaptiveMooc.Grains.Planning;

/// <summary>Turns the platform's records (profile, enrolment, progress, course) into a planner request.</summary>
internal static class PlanInputs
{
    /// <param name="minutesFor">Predicted minutes of a lesson for this learner (the pacing model), from its declared minutes.</param>
    public static PlanRequest Build(
        LearnerProfile profile,
        Enrolment? enrolment,
        CourseProgress progress,
        CourseDefinition course,
        DateTimeOffset now,
        int weeks,
        Func<LessonDefinition, int> minutesFor)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(minutesFor);
        var zone = LocalClock.FindZone(profile.TimeZone) ?? TimeZoneInfo.Utc;
        var completed = progress.CompletedLessons.ToHashSet(StringComparer.Ordinal);
        var dueFrom = DueFrom(course, enrolment, zone);
        var remaining = course.AllLessons()
            .Select((lesson, order) => (lesson, order))
            // The plan is for finishing the course, which takes the required lessons only.
            .Where(x => x.lesson.Required && !completed.Contains(x.lesson.Id))
            .Select(x => new PlanLesson(
                x.lesson.Id,
                minutesFor(x.lesson),
                x.lesson.Prerequisites ?? [],
                x.lesson.DueDay is { } day && dueFrom is { } start ? LocalClock.EndOfDay(start.AddDays(day), zone) : null,
                x.order))
            .ToList();
        return new PlanRequest(
            zone.Id,
            [.. profile.WeeklyAvailability.Select(w => new WeeklyWindow(w.Day, w.Start, w.End))],
            now,
            remaining,
            completed,
            [],
            enrolment?.TargetDate,
            weeks);
    }

    /// <summary>Day 0 of due days: the course start date, or the learner's local enrolment date.</summary>
    public static DateOnly? DueFrom(CourseDefinition course, Enrolment? enrolment, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(course);
        return course.StartDate ?? (enrolment is null ? null : LocalClock.LocalDate(enrolment.EnrolledAt, zone));
    }
}
