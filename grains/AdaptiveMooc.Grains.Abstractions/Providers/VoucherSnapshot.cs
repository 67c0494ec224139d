namespace AdaptiveMooc.Grains.Abstractions.Providers;

[GenerateSerializer]
[Immutable]
[Alias("mooc.VoucherSnapshot")]
public sealed record VoucherSnapshot(
    [property: Id(0)] string Code,
    [property: Id(1)] VoucherIssue Issue,
    [property: Id(2)] string? RedeemedBy,
    [property: Id(3)] DateTimeOffset? RedeemedAt);
