namespace AdaptiveMooc.Grains.Abstractions.Accounts;

/// <summary>A data export: <see cref="Status"/> is <c>pending</c>, <c>ready</c> or <c>failed</c>.</summary>
[GenerateSerializer]
[Alias("mooc.accounts.ExportJob")]
public sealed record ExportJob(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Status,
    [property: Id(2)] DateTimeOffset RequestedAt,
    [property: Id(3)] DateTimeOffset? ReadyAt,
    [property: Id(4)] long? Bytes,
    [property: Id(5)] string? Error);
