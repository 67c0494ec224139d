namespace AdaptiveMooc.ML.Pacing;

/// <summary>
/// A graded lesson of a course with its deadline, as the course definition gives it (lesson
/// <c>dueDay</c>; OULAD assessments.csv <c>date</c>).
/// </summary>
/// <param name="LessonId">Lesson the learner's graded statements refer to.</param>
/// <param name="Kind">Assessment kind (OULAD: TMA, CMA, Exam; platform: assignment, quiz).</param>
/// <param name="DueDay">Deadline in days from the course start; null when undated.</param>
/// <param name="Weight">Weight in the final mark (0 when unknown).</param>
public sealed record ScheduledAssessment(string LessonId, string Kind, int? DueDay, double Weight);
