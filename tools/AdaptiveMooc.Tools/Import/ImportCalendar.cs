using AdaptiveMooc.ML.Oulad;

namespace AdaptiveMooc.Tools.Import;

/// <summary>
/// OULAD days to instants. Day 0 is the ML adapter's date (<see cref="OuladCalendar"/>: 1 February for
/// B presentations, 1 October for J, 00:00 UTC), also sent as the course <c>startDate</c>. Within a day
/// OULAD has no time, so every event of day d gets a fixed time: enrolment 00:00, resource activity
/// 12:00, submissions 18:00 (after the day's reading, as the ML adapter orders them) and withdrawal
/// 23:59:59 (a student unregistered on day d was still registered at its start, as the risk protocol's
/// population rule reads it). The instant "as of day c" is day c at 00:00, so it sees exactly the
/// records dated before c.
/// </summary>
internal sealed class ImportCalendar(OuladPresentation presentation)
{
    public DateTimeOffset Start { get; } = presentation.StartDate;

    public DateOnly StartDate => DateOnly.FromDateTime(Start.UtcDateTime);

    public DateTimeOffset Enrolment(int day) => Start.AddDays(day);

    public DateTimeOffset Activity(int day) => Start.AddDays(day).AddHours(12);

    public DateTimeOffset Submission(int day) => Start.AddDays(day).AddHours(18);

    public DateTimeOffset Withdrawal(int day) => Start.AddDays(day + 1).AddSeconds(-1);

    public DateTimeOffset AsOfDay(int day) => Start.AddDays(day);

    public DateTimeOffset Of(ImportStatement statement) =>
        statement.IsSubmission ? Submission(statement.Day) : Activity(statement.Day);
}
