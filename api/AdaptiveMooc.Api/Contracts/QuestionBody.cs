using AdaptiveMooc.Grains.Abstractions.Assessments;

namespace AdaptiveMooc.Api.Contracts;

/// <summary>Body of <c>POST</c> and <c>PUT /api/courses/{courseId}/question-bank</c> (docs/ASSESSMENTS.md).</summary>
public sealed record QuestionBody(
    string? Id,
    string? Kind,
    string? Prompt,
    IReadOnlyList<string>? Skills,
    IReadOnlyList<QuestionChoice>? Choices = null,
    IReadOnlyList<string>? CorrectChoiceIds = null,
    double? Answer = null,
    double? Tolerance = null,
    IReadOnlyList<string>? AcceptedAnswers = null,
    string? Pattern = null,
    bool CaseSensitive = false,
    string? FeedbackCorrect = null,
    string? FeedbackIncorrect = null,
    string? Explanation = null)
{
    public QuestionItem ToItem(string id) => new(
        id, Kind!, Prompt!, Skills ?? [], Choices, CorrectChoiceIds, Answer, Tolerance, AcceptedAnswers, Pattern,
        CaseSensitive, FeedbackCorrect, FeedbackIncorrect, Explanation);
}
