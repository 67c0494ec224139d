namespace AdaptiveMooc.Api.Contracts;

/// <summary>A batch of voucher codes with each code's redemption (<c>redeemedBy</c> null while unused).</summary>
public sealed record VoucherBatchResponse(
    string Id, string ProviderId, string CourseId, DateTimeOffset ExpiresAt, DateTimeOffset IssuedAt, int Seats, int Redeemed,
    IReadOnlyList<VoucherResponse> Vouchers);
