using System.Globalization;

namespace AdaptiveMooc.ML.Oulad;

/// <summary>
/// Maps OULAD day numbers (days relative to the presentation start) to instants. OULAD publishes no
/// calendar dates, only that B presentations start in February and J presentations in October, so
/// day 0 is fixed at 1 February (B) or 1 October (J) of the presentation year, 00:00 UTC. Only day
/// differences carry meaning; every feature works on differences, so the choice changes no figure.
/// </summary>
public static class OuladCalendar
{
    public static DateTimeOffset StartDate(string presentation)
    {
        ArgumentException.ThrowIfNullOrEmpty(presentation);
        if (presentation.Length != 5 || !int.TryParse(presentation.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            throw new FormatException($"code_presentation '{presentation}' is not YYYYB or YYYYJ");
        }

        var month = char.ToUpperInvariant(presentation[4]) switch
        {
            'B' => 2,
            'J' => 10,
            _ => throw new FormatException($"code_presentation '{presentation}' must end with B or J"),
        };
        return new DateTimeOffset(year, month, 1, 0, 0, 0, TimeSpan.Zero);
    }

    public static DateTimeOffset ToTimestamp(string presentation, int day) => StartDate(presentation).AddDays(day);

    public static string CourseId(string module, string presentation) =>
        $"oulad-{module.ToLowerInvariant()}-{presentation.ToLowerInvariant()}";

    /// <summary>Lesson id the adapter gives an assessment (resources keep their id_site).</summary>
    public static string AssessmentLessonId(int assessmentId) =>
        "assessment-" + assessmentId.ToString(CultureInfo.InvariantCulture);
}
