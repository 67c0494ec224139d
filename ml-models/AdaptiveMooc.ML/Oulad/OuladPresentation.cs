namespace AdaptiveMooc.ML.Oulad;

/// <summary>One module presentation of OULAD (e.g. BBB 2013J) and where it sits on the calendar.</summary>
/// <param name="Module">code_module, e.g. <c>BBB</c>.</param>
/// <param name="Presentation">code_presentation, e.g. <c>2013J</c>.</param>
/// <param name="LengthDays">module_presentation_length.</param>
public sealed record OuladPresentation(string Module, string Presentation, int LengthDays)
{
    /// <summary>Platform course id, e.g. <c>oulad-bbb-2013j</c>.</summary>
    public string CourseId => OuladCalendar.CourseId(Module, Presentation);

    /// <summary>Calendar date of OULAD day 0 (see <see cref="OuladCalendar.StartDate"/>).</summary>
    public DateTimeOffset StartDate => OuladCalendar.StartDate(Presentation);

    /// <summary><c>BBB-2013J</c>, the form the import command takes.</summary>
    public string Key => $"{Module}-{Presentation}";
}
