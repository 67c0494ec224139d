namespace AdaptiveMooc.Api.Contracts;

public sealed record VoucherResponse(string Code, string CourseId, DateTimeOffset ExpiresAt, string? RedeemedBy, DateTimeOffset? RedeemedAt);
