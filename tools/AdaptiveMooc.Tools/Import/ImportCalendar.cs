using AdaptiveMooc.ML.Oulad;

namespace AdaptiveMooc.Tools.Import;

/// <summary>
/// OULAD days to instants. Day 0 is <see cref="Start"/>, 00:00 UTC, also sent as the course
/// <c>startDate</c>: the ML adapter's date (<see cref="OuladCalendar"/>: 1 February for B presentations,
/// 1 October for J), or, for a presentation placed in the present (<see cref="Today"/>), the date that
/// makes today course day N. Within a day OULAD has no time, so every event of day d gets a fixed time:
/// enrolment 00:00, resource activity 12:00, submissions 18:00 (after the day's reading, as the ML
/// adapter orders them) and withdrawal 23:59:59 (a student unregistered on day d was still registered
/// at its start, as the risk protocol's population rule reads it). The instant "as of day c" is day c
/// at 00:00, so it sees exactly the records dated before c.
/// </summary>
internal sealed class ImportCalendar(DateTimeOffset start)
{
    public ImportCalendar(OuladPresentation presentation)
        : this(presentation.StartDate)
    {
    }

    public DateTimeOffset Start { get; } = start;

    public DateOnly StartDate => DateOnly.FromDateTime(Start.UtcDateTime);

    /// <summary>The calendar in which <paramref name="now"/>'s UTC date is course day <paramref name="todayIsDay"/>.</summary>
    public static ImportCalendar Today(DateTimeOffset now, int todayIsDay) =>
        new(new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(-todayIsDay));

    /// <summary>The course day <paramref name="instant"/> falls on (negative before the start).</summary>
    public int DayOf(DateTimeOffset instant) => (int)Math.Floor((instant - Start).TotalDays);

    public DateTimeOffset Enrolment(int day) => Start.AddDays(day);

    public DateTimeOffset Activity(int day) => Start.AddDays(day).AddHours(12);

    public DateTimeOffset Submission(int day) => Start.AddDays(day).AddHours(18);

    public DateTimeOffset Withdrawal(int day) => Start.AddDays(day + 1).AddSeconds(-1);

    public DateTimeOffset AsOfDay(int day) => Start.AddDays(day);

    /// <summary>The date a lesson with <c>dueDay</c> <paramref name="dueDay"/> is due (the platform counts due days from <c>startDate</c>).</summary>
    public DateOnly DueDate(int dueDay) => StartDate.AddDays(dueDay);

    public DateTimeOffset Of(ImportStatement statement) =>
        statement.IsSubmission ? Submission(statement.Day) : Activity(statement.Day);
}
