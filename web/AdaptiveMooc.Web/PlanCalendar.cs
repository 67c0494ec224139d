using AdaptiveMooc.Web.Api;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace AdaptiveMooc.Web;

/// <summary>Shapes a plan for people: sessions per local day for the calendar, and an iCalendar file for their own calendar.</summary>
public static class PlanCalendar
{
    public sealed record DaySessions(DateOnly Day, IReadOnlyList<LocalSession> Sessions);

    public sealed record LocalSession(DateTime Start, DateTime End, IReadOnlyList<string> LessonIds);

    /// <summary>The seven days from the local date of <paramref name="now"/>, each with its sessions in <paramref name="zone"/>.</summary>
    public static IReadOnlyList<DaySessions> Week(IEnumerable<PlanSession> sessions, TimeZoneInfo zone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(zone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var local = sessions
            .Select(s => new LocalSession(TimeZoneInfo.ConvertTime(s.Start, zone).DateTime, TimeZoneInfo.ConvertTime(s.End, zone).DateTime, s.LessonIds))
            .OrderBy(s => s.Start)
            .ToList();
        return Enumerable.Range(0, 7)
            .Select(offset => today.AddDays(offset))
            .Select(day => new DaySessions(day, local.Where(s => DateOnly.FromDateTime(s.Start) == day).ToList()))
            .ToList();
    }

    /// <summary>
    /// The learner plan's sessions for <see cref="Week"/>: each session's lessons named with their course's title,
    /// since lesson ids repeat across courses. Sessions already done or missed are left out.
    /// </summary>
    public static IReadOnlyList<PlanSession> Sessions(LearnerPlan plan, IReadOnlyDictionary<string, Course> courses)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(courses);
        return [.. plan.Sessions.Where(s => s.Status == "planned").Select(s => new PlanSession(s.Start, s.End, [Label(s, courses)]))];
    }

    /// <summary>The learner plan as one iCalendar across courses; each event's UID is the session's id, stable across replans.</summary>
    public static string ToICalendar(LearnerPlan plan, IReadOnlyDictionary<string, Course> courses)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(courses);
        var calendar = new Calendar();
        calendar.AddProperty("X-WR-CALNAME", "AdaptiveMooc: my study plan");
        foreach (var session in plan.Sessions.Where(s => s.Status == "planned"))
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{session.Id}@adaptivemooc",
                Summary = "Study: " + Label(session, courses),
                Description = "Planned by AdaptiveMooc inside your study windows.",
                DtStart = new CalDateTime(session.Start.UtcDateTime, "UTC"),
                DtEnd = new CalDateTime(session.End.UtcDateTime, "UTC"),
            });
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static string Label(LearnerPlanSession session, IReadOnlyDictionary<string, Course> courses)
    {
        if (!courses.TryGetValue(session.CourseId, out var course))
        {
            return $"{session.CourseId}: {string.Join(", ", session.LessonIds)}";
        }

        var titles = course.AllLessons.ToDictionary(l => l.Id, l => l.Title, StringComparer.Ordinal);
        return $"{course.Title}: {string.Join(", ", session.LessonIds.Select(id => titles.GetValueOrDefault(id, id)))}";
    }

    public static string ToICalendar(Course course, Plan plan)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(plan);
        var titles = course.AllLessons.ToDictionary(l => l.Id, l => l.Title, StringComparer.Ordinal);
        var calendar = new Calendar();
        calendar.AddProperty("X-WR-CALNAME", $"{course.Title}: study plan");
        foreach (var session in plan.Sessions)
        {
            var lessons = session.LessonIds.Select(id => titles.TryGetValue(id, out var t) ? t : id).ToList();
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{course.Id}-{session.Start.ToUnixTimeSeconds()}@adaptivemooc",
                Summary = $"Study: {course.Title}",
                Description = "Lessons: " + string.Join(", ", lessons),
                DtStart = new CalDateTime(session.Start.UtcDateTime, "UTC"),
                DtEnd = new CalDateTime(session.End.UtcDateTime, "UTC"),
            });
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
