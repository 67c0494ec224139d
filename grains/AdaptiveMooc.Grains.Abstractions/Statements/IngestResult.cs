namespace AdaptiveMooc.Grains.Abstractions.Statements;

/// <summary><see cref="NewlyStored"/> counts statements this request added (duplicates of earlier requests excluded).</summary>
[GenerateSerializer]
[Alias("mooc.IngestResult")]
public sealed record IngestResult(
    [property: Id(0)] IngestStatus Status,
    [property: Id(1)] IReadOnlyList<Guid> Ids,
    [property: Id(2)] int NewlyStored,
    [property: Id(3)] Guid? ConflictingId);
