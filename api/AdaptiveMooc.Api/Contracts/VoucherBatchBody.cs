namespace AdaptiveMooc.Api.Contracts;

/// <summary><c>seats</c> 1-500 codes for <c>courseId</c> (one of the provider's courses), redeemable until <c>expiresAt</c>.</summary>
public sealed record VoucherBatchBody(string? CourseId, int? Seats, DateTimeOffset? ExpiresAt);
