namespace AdaptiveMooc.Grains.Analytics;

/// <summary>
/// When a shard writes its statement facts behind. Losing them costs only a catch-up from the statement
/// store on the next activation, so the defaults favour ingestion throughput; tests stretch them to make
/// a crash lose facts for certain.
/// </summary>
public sealed class AnalyticsShardOptions
{
    /// <summary>Write after this many unwritten changes.</summary>
    public int FlushEvery { get; set; } = 500;

    /// <summary>Write this long after the first unwritten change.</summary>
    public TimeSpan FlushDelay { get; set; } = TimeSpan.FromSeconds(5);
}
