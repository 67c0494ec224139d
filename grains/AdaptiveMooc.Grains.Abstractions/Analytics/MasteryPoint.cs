namespace AdaptiveMooc.Grains.Abstractions.Analytics;

/// <summary>
/// A learner's knowledge-tracing mastery of one skill right after the answer <see cref="Sequence"/>
/// (timestamped <see cref="Timestamp"/>) was applied, in the order the statements arrived.
/// </summary>
[GenerateSerializer]
[Alias("mooc.MasteryPoint")]
public sealed record MasteryPoint(
    [property: Id(0)] long Sequence,
    [property: Id(1)] DateTimeOffset Timestamp,
    [property: Id(2)] double Mastery);
