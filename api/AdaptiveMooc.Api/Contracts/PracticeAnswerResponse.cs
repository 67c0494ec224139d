namespace AdaptiveMooc.Api.Contracts;

/// <summary>
/// <c>POST /api/learners/{id}/courses/{courseId}/practice/answers</c>: right or wrong, the learner's mastery per skill of the course after
/// the answer (as progress shows it), the feedback, explanation and correct answer, and the practised skill's state.
/// </summary>
public sealed record PracticeAnswerResponse(
    bool Correct,
    IReadOnlyDictionary<string, double> MasteryBySkill,
    string? Feedback,
    string? Explanation,
    string CorrectAnswer,
    string Skill,
    string Status,
    double Mastery,
    double? MasteryBefore,
    double Threshold);
