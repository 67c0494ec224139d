namespace AdaptiveMooc.Web.Api;

/// <summary>A learner's practice of one skill (docs/API.md, "Practice").</summary>
public sealed record PracticeState(
    string Skill,
    string Status,
    double Mastery,
    double Threshold,
    double BandLow,
    double BandHigh,
    DeliveredItem? Item,
    double? PCorrect,
    string? Placement,
    string? Reason,
    int Answered,
    int Correct,
    AnswerFeedback? LastFeedback,
    double? MasteryBefore);
