namespace AdaptiveMooc.Api.Contracts;

/// <summary>Ends a provider's grant of <c>courseId</c> to <c>learnerId</c>; <c>reason</c> (1-500 characters) is kept in the access history and the audit.</summary>
public sealed record GrantWithdrawalBody(string? LearnerId, string? CourseId, string? Reason);
