namespace AdaptiveMooc.Grains.Abstractions.Statements;

/// <summary>
/// A statement as the store holds it: <see cref="Sequence"/> orders inserts, <see cref="Stored"/> is the commit-side clock;
/// <see cref="Voided"/>: a voiding statement targets it (set by single-statement reads only; queries never return voided ones).
/// </summary>
[GenerateSerializer]
[Alias("mooc.StoredStatement")]
public sealed record StoredStatement(
    [property: Id(0)] long Sequence,
    [property: Id(1)] DateTimeOffset Stored,
    [property: Id(2)] StatementRecord Statement,
    [property: Id(3)] bool Voided = false);
