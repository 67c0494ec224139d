using AdaptiveMooc.Grains.Abstractions.Assessments;

namespace AdaptiveMooc.Api.Contracts;

/// <summary>The graded answer (feedback, explanation, the correct answer) and the attempt after it.</summary>
public sealed record AnswerResponse(AnswerFeedback Feedback, AttemptView Attempt);
