using AdaptiveMooc.Grains.Abstractions.Assessments;

namespace AdaptiveMooc.Api.Contracts;

/// <summary>
/// <c>GET /api/learners/{id}/courses/{courseId}/practice/next?skill=</c>: the item to answer now (no key) with the learner's predicted
/// chance of answering it (<c>pCorrect</c>) and why it was chosen (<c>reason</c>); <c>itemId</c> null when the skill is mastered
/// (<c>status</c> <c>mastered</c>) or the bank holds no item of it (<c>no-items</c>), <c>reason</c> then says so.
/// </summary>
public sealed record PracticeNextResponse(
    string? ItemId,
    string? Prompt,
    string? Kind,
    IReadOnlyList<QuestionChoice>? Choices,
    double? PCorrect,
    string Reason,
    string Skill,
    string Status,
    string? Placement,
    double Mastery,
    double Threshold,
    double BandLow,
    double BandHigh);
