namespace AdaptiveMooc.Grains.Abstractions.Providers;

/// <summary>What one voucher code is for: one seat in one course, redeemable once until it expires.</summary>
[GenerateSerializer]
[Immutable]
[Alias("mooc.VoucherIssue")]
public sealed record VoucherIssue(
    [property: Id(0)] string ProviderId,
    [property: Id(1)] string CourseId,
    [property: Id(2)] string BatchId,
    [property: Id(3)] DateTimeOffset ExpiresAt,
    [property: Id(4)] DateTimeOffset IssuedAt);
