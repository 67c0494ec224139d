namespace AdaptiveMooc.Tools.Import;

/// <summary>
/// How OULAD activity types and assessment types become platform lesson kinds and declared minutes
/// (docs/ML.md, "Real course: OULAD replay"). OULAD records no media type and no time on task, so the
/// kinds follow what the OU VLE tools are, and the minutes are stated assumptions, not measurements.
/// </summary>
internal static class LessonKinds
{
    public static string ForActivity(string activityType) => activityType switch
    {
        "quiz" or "externalquiz" or "questionnaire" => "quiz",

        // OU Collaborate and Elluminate are the live online tutorial rooms.
        "oucollaborate" or "ouelluminate" => "webinar",
        "forumng" or "ouwiki" or "htmlactivity" or "dataplus" => "tutorial",
        _ => "reading",
    };

    public static int MinutesFor(string kind) => kind switch
    {
        "quiz" => 15,
        "webinar" => 60,
        "tutorial" => 30,
        _ => 20,
    };

    /// <summary>TMAs are tutor-marked assignments; CMAs (computer-marked) and exams are quizzes.</summary>
    public static string ForAssessment(string assessmentType) =>
        assessmentType.Equals("TMA", StringComparison.OrdinalIgnoreCase) ? "assignment" : "quiz";

    public static int AssessmentMinutes(string assessmentType) => assessmentType.ToUpperInvariant() switch
    {
        "TMA" => 240,
        "EXAM" => 180,
        _ => 60,
    };
}
