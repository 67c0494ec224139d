namespace AdaptiveMooc.Grains.Abstractions.Payments;

/// <summary>
/// One reason a learner may use a paid course: a paid order (<c>order:{orderId}</c>), a redeemed voucher
/// (<c>voucher:{code}</c>) or a grant by the course's provider or an admin (<c>grant</c>). Withdrawn
/// sources stay listed with when and why.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("mooc.AccessSource")]
public sealed record AccessSource(
    [property: Id(0)] string Id,
    [property: Id(1)] string Kind,
    [property: Id(2)] DateTimeOffset GrantedAt,
    [property: Id(3)] string GrantedBy,
    [property: Id(4)] DateTimeOffset? WithdrawnAt = null,
    [property: Id(5)] string? WithdrawalReason = null)
{
    public const string Order = "order";
    public const string Voucher = "voucher";
    public const string Grant = "grant";

    public bool Active => WithdrawnAt is null;
}
