using System.Text.Json;
using System.Text.Json.Serialization;
using AdaptiveMooc.Grains.Abstractions.Courses;
using AdaptiveMooc.ML.Pacing;
using AdaptiveMooc.ML.Ranking;

namespace AdaptiveMooc.Grains.Models;

/// <summary>What the models need to know of a platform course, built from its definition the same way everywhere.</summary>
public static class CourseModelInputs
{
    /// <summary>JSON of the ML states a grain persists or sends (NaN is a valid value of several of them).</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Day 0 of the course for a learner: the course's start date, else their enrolment, else null.</summary>
    public static DateTimeOffset? StartOf(CourseDefinition course, DateTimeOffset? enrolledAt)
    {
        ArgumentNullException.ThrowIfNull(course);
        return course.StartDate is { } start ? new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : enrolledAt;
    }

    /// <summary>Graded lessons (quizzes, assignments) with their due days, and every lesson's declared minutes.</summary>
    public static CourseSchedule Schedule(string courseId, CourseDefinition course, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(course);
        var lessons = course.AllLessons().ToList();
        return new CourseSchedule(
            courseId,
            start,
            lessons.Where(l => Abstractions.Courses.LessonKinds.IsGraded(l.Kind)).Select(l => new ScheduledAssessment(l.Id, l.Kind, l.DueDay, 0)),
            lessons.ToDictionary(l => l.Id, l => (double)l.Minutes, StringComparer.Ordinal));
    }

    /// <summary>Every lesson as a ranking candidate, in course order; the planned week is the due day's week.</summary>
    public static IReadOnlyList<RankingCandidate> Candidates(CourseDefinition course)
    {
        ArgumentNullException.ThrowIfNull(course);
        return [.. course.AllLessons().Select(l => new RankingCandidate(l.Id, l.Kind, l.DueDay is { } day ? CourseDay.WeekOf(day) : null))];
    }
}
