namespace AdaptiveMooc.Grains.Abstractions.Analytics;

/// <summary>
/// Identifies the content of a shard: <see cref="Changes"/> counts the changes of the activation
/// <see cref="Epoch"/>. A new activation (after a crash, a deactivation or a rebuild) starts a new
/// epoch, so equal versions always mean equal rows.
/// </summary>
[GenerateSerializer]
[Alias("mooc.AnalyticsShardVersion")]
public sealed record AnalyticsShardVersion(
    [property: Id(0)] Guid Epoch,
    [property: Id(1)] long Changes);
