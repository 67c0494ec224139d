using AdaptiveMooc.Grains.Abstractions.Assessments;

namespace AdaptiveMooc.Api.Contracts;

/// <summary>
/// The graded answer as the contract names it (<c>correct</c>, <c>feedback</c>, <c>explanation</c>), the correct answer in words,
/// and the attempt after it.
/// </summary>
public sealed record AnswerResponse(
    string ItemId, bool Correct, string? Feedback, string? Explanation, string CorrectAnswer, DateTimeOffset AnsweredAt, AttemptResponse Attempt)
{
    public static AnswerResponse From(AnswerFeedback feedback, AttemptView attempt)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        return new(feedback.ItemId, feedback.Correct, feedback.Feedback, feedback.Explanation, feedback.CorrectAnswer, feedback.AnsweredAt,
            AttemptResponse.From(attempt));
    }
}
