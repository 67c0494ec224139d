namespace AdaptiveMooc.Api.Contracts;

/// <summary>
/// The codes of a new voucher batch (<c>id</c>: the batch, listed under <c>GET /api/providers/{providerId}/vouchers</c>
/// with each code's redemption). A learner enrols with <c>{courseId, voucher: "&lt;code&gt;"}</c>; dashes are optional.
/// </summary>
public sealed record CourseVouchersResponse(string Id, string CourseId, string ProviderId, DateTimeOffset ExpiresAt, IReadOnlyList<string> Codes);
