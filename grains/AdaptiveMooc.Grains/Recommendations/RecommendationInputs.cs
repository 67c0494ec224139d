using AdaptiveMooc.Grains.Abstractions.Courses;
using AdaptiveMooc.Grains.Abstractions.Learners;
using AdaptiveMooc.Grains.Planning;

namespace AdaptiveMooc.Grains.Recommendations;

/// <summary>Turns the platform's records into a ranking request.</summary>
internal static class RecommendationInputs
{
    public static RecommendationRequest Build(
        LearnerProfile profile,
        Enrolment? enrolment,
        CourseProgress progress,
        CourseDefinition course,
        DateTimeOffset now,
        int limit,
        IReadOnlyDictionary<string, float>? modelScores = null,
        IReadOnlyDictionary<string, double>? popularity = null,
        IReadOnlyDictionary<string, SkillMemory>? skills = null,
        Func<LessonDefinition, int>? minutesFor = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(course);
        var zone = LocalClock.FindZone(profile.TimeZone) ?? TimeZoneInfo.Utc;
        var dueFrom = PlanInputs.DueFrom(course, enrolment, zone);
        var lessons = course.AllLessons()
            .Select((lesson, order) => new CandidateLesson(
                lesson.Id,
                order,
                minutesFor?.Invoke(lesson) ?? lesson.Minutes,
                lesson.Skills ?? [],
                lesson.Prerequisites ?? [],
                lesson.DueDay is { } day && dueFrom is { } start ? LocalClock.EndOfDay(start.AddDays(day), zone) : null,
                popularity?.GetValueOrDefault(lesson.Id) ?? 0))
            .ToList();

        // Progress carries mastery per skill but not when each skill was last practised; the course's last
        // activity is an upper bound, so recall is never underestimated and review is never over-asked.
        skills ??= progress.MasteryBySkill.ToDictionary(
            kv => kv.Key,
            kv => new SkillMemory(kv.Value, 1, progress.LastActivity),
            StringComparer.Ordinal);
        var windows = profile.WeeklyAvailability.Select(w => new WeeklyWindow(w.Day, w.Start, w.End)).ToList();
        var next = WeeklyPlanner.FreeSlots(zone, windows, now, [], 1).Select(s => (TimeSpan?)(s.End - s.Start)).FirstOrDefault();
        return new RecommendationRequest(
            lessons,
            progress.CompletedLessons.ToHashSet(StringComparer.Ordinal),
            skills,
            modelScores,
            now,
            next,
            progress.StatementCount > 0,
            limit);
    }
}
