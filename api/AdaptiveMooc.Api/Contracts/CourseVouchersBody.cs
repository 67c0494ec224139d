namespace AdaptiveMooc.Api.Contracts;

/// <summary><c>POST /api/courses/{courseId}/vouchers</c>: <c>count</c> codes (1-500, one seat each), redeemable until <c>expiresAt</c>.</summary>
public sealed record CourseVouchersBody(int? Count, DateTimeOffset? ExpiresAt);
