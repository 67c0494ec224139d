using System.Globalization;
using System.Text;
using AdaptiveMooc.Grains.Abstractions.Courses;
using AdaptiveMooc.Grains.Abstractions.Planning;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace AdaptiveMooc.Api.Planning;

/// <summary>
/// Writes a learner plan as an iCalendar (RFC 5545) feed. Each session is one event whose UID is the
/// session's id, which a replan keeps: calendar apps polling the feed move the event instead of adding
/// a second one. Events carry the lesson titles and a link to each lesson.
/// </summary>
internal static class PlanCalendar
{
    public const string ContentType = "text/calendar";
    private const string UidDomain = "adaptive-mooc";

    public static string UidOf(string sessionId) => $"{sessionId}@{UidDomain}";

    /// <param name="plan">The plan (its sessions: recent past and weeks ahead).</param>
    /// <param name="courses">Definitions of the plan's courses, by id (a course missing here shows its ids).</param>
    /// <param name="baseUrl">
    /// The platform's public base URL: lesson links are <c>{base}/courses/{courseId}/lessons/{lessonId}</c>, never a
    /// lesson's own content URL: the feed's token is its only credential and a calendar may be shared, while the
    /// platform's page applies the course's access rule (a paid course's content is for those with access).
    /// </param>
    public static string Write(LearnerPlan plan, IReadOnlyDictionary<string, CourseDefinition> courses, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(courses);
        var calendar = new Ical.Net.Calendar { ProductId = "-//AdaptiveMooc//Study plan//EN", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", "Study plan");
        calendar.AddProperty("X-PUBLISHED-TTL", "PT1H");
        var stamp = new CalDateTime(plan.PlannedAt.UtcDateTime, "UTC");
        // A later plan is a later revision of every event it keeps (RFC 5545 SEQUENCE).
        var sequence = (int)Math.Clamp(plan.PlannedAt.ToUnixTimeSeconds() / 60, 0, int.MaxValue);
        foreach (var session in plan.Sessions)
        {
            courses.TryGetValue(session.CourseId, out var course);
            var lessons = course?.AllLessons().ToDictionary(l => l.Id, StringComparer.Ordinal);
            var titled = session.LessonIds
                .Select(id => (Id: id, Lesson: lessons is not null && lessons.TryGetValue(id, out var lesson) ? lesson : null))
                .ToList();
            var links = titled.Select(l => (l.Lesson?.Title ?? l.Id, Link(baseUrl, session.CourseId, l.Id))).ToList();
            var description = new StringBuilder();
            description.Append(CultureInfo.InvariantCulture, $"{course?.Title ?? session.CourseId}, {Describe(session.Status)}.");
            foreach (var (title, link) in links)
            {
                description.Append(CultureInfo.InvariantCulture, $"\n{title}: {link}");
            }

            var summary = $"{course?.Title ?? session.CourseId}: {string.Join(", ", links.Select(l => l.Item1))}";
            calendar.Events.Add(new CalendarEvent
            {
                Uid = UidOf(session.Id),
                Summary = session.Status == LearnerPlanSession.Missed ? "Missed: " + summary : summary,
                Description = description.ToString(),
                Url = links.Count > 0 ? links[0].Item2 : null,
                DtStart = new CalDateTime(session.Start.UtcDateTime, "UTC"),
                DtEnd = new CalDateTime(session.End.UtcDateTime, "UTC"),
                DtStamp = stamp,
                LastModified = stamp,
                Sequence = sequence,
                Status = session.Status == LearnerPlanSession.Missed ? "CANCELLED" : "CONFIRMED",
                Transparency = "OPAQUE",
            });
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }

    private static string Describe(string status) => status switch
    {
        LearnerPlanSession.Done => "done",
        LearnerPlanSession.Missed => "missed (your plan moved its lessons)",
        _ => "planned",
    };

    private static Uri Link(string baseUrl, string courseId, string lessonId) =>
        new($"{baseUrl}/courses/{Uri.EscapeDataString(courseId)}/lessons/{Uri.EscapeDataString(lessonId)}");
}
