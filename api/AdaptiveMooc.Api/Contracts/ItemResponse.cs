using AdaptiveMooc.Grains.Abstractions.Assessments;

namespace AdaptiveMooc.Api.Contracts;

/// <summary>
/// A bank item in the contract's shape (<c>GET /api/courses/{courseId}/items/{itemId}</c>, trainers only: it holds the key):
/// <c>answer</c> as it was posted (a choice id, choice ids, <c>{value, tolerance}</c>, or <c>{values}</c>/<c>{pattern}</c> with
/// <c>caseSensitive</c>), <c>feedback</c> the text after an answer (<c>feedbackCorrect</c> and <c>feedbackIncorrect</c> when they differ).
/// </summary>
public sealed record ItemResponse(
    string Id,
    string Kind,
    string Prompt,
    IReadOnlyList<QuestionChoice>? Choices,
    object? Answer,
    IReadOnlyList<string> Skills,
    string? Feedback,
    string? FeedbackCorrect,
    string? FeedbackIncorrect,
    string? Explanation)
{
    public static ItemResponse From(QuestionItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        object? answer = item.Kind switch
        {
            QuestionKinds.SingleChoice => item.CorrectChoiceIds?.FirstOrDefault(),
            QuestionKinds.MultipleResponse => item.CorrectChoiceIds,
            QuestionKinds.Numeric => new NumericAnswer(item.Answer ?? 0, item.Tolerance ?? 0),
            _ => new TextAnswer(item.AcceptedAnswers, item.Pattern, item.CaseSensitive),
        };
        var feedback = item.FeedbackCorrect == item.FeedbackIncorrect ? item.FeedbackCorrect : null;
        return new ItemResponse(
            item.Id, item.Kind, item.Prompt, item.Choices, answer, item.Skills, feedback, item.FeedbackCorrect, item.FeedbackIncorrect, item.Explanation);
    }

    public sealed record NumericAnswer(double Value, double Tolerance);

    public sealed record TextAnswer(IReadOnlyList<string>? Values, string? Pattern, bool CaseSensitive);
}
