namespace AdaptiveMooc.ML.Oulad;

/// <summary>A row of assessments.csv.</summary>
/// <param name="Type">TMA, CMA or Exam.</param>
/// <param name="Deadline">Deadline day relative to the start; null for exams without a date (end of course).</param>
public sealed record OuladAssessment(int Id, string Module, string Presentation, string Type, int? Deadline, double Weight)
{
    public string LessonId => OuladCalendar.AssessmentLessonId(Id);
}
