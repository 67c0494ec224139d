namespace AdaptiveMooc.ML.Pacing;

/// <summary>
/// What features need to know about a course besides the events: its day 0 and its graded lessons
/// with deadlines. Built from the course definition on the platform and from assessments.csv for OULAD.
/// </summary>
public sealed class CourseSchedule
{
    private readonly Dictionary<string, ScheduledAssessment> _byLesson;

    private readonly IReadOnlyDictionary<string, double> _lessonMinutes;

    public CourseSchedule(
        string courseId,
        DateTimeOffset startDate,
        IEnumerable<ScheduledAssessment> assessments,
        IReadOnlyDictionary<string, double>? lessonMinutes = null)
    {
        ArgumentNullException.ThrowIfNull(assessments);
        CourseId = courseId;
        StartDate = startDate;
        _lessonMinutes = lessonMinutes ?? new Dictionary<string, double>();
        Assessments = [.. assessments.OrderBy(a => a.DueDay ?? int.MaxValue).ThenBy(a => a.LessonId, StringComparer.Ordinal)];
        _byLesson = Assessments.ToDictionary(a => a.LessonId, StringComparer.Ordinal);
    }

    public string CourseId { get; }

    public DateTimeOffset StartDate { get; }

    /// <summary>Graded lessons ordered by deadline (undated last).</summary>
    public IReadOnlyList<ScheduledAssessment> Assessments { get; }

    /// <summary>Whole days from the course start to <paramref name="timestamp"/> (negative before it).</summary>
    public int DayOf(DateTimeOffset timestamp) => (int)Math.Floor((timestamp - StartDate).TotalDays);

    public DateTimeOffset TimestampOf(int day) => StartDate.AddDays(day);

    public ScheduledAssessment? Find(string? lessonId) =>
        lessonId is not null && _byLesson.TryGetValue(lessonId, out var a) ? a : null;

    /// <summary>Declared minutes of a lesson (course definition), when known; OULAD declares none.</summary>
    public double? DeclaredMinutes(string? lessonId) =>
        lessonId is not null && _lessonMinutes.TryGetValue(lessonId, out var m) ? m : null;

    /// <summary>Dated assessments with a deadline strictly before <paramref name="day"/>.</summary>
    public int CountDueBefore(int day)
    {
        var n = 0;
        foreach (var a in Assessments)
        {
            if (a.DueDay is { } due && due < day && IsCoursework(a))
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>Coursework (not a final exam): what pacing and "missed so far" features look at.</summary>
    public static bool IsCoursework(ScheduledAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return !assessment.Kind.Equals("Exam", StringComparison.OrdinalIgnoreCase);
    }
}
