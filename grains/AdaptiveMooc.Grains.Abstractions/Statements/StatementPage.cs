namespace AdaptiveMooc.Grains.Abstractions.Statements;

/// <summary><see cref="NextSequence"/> is the cursor of the next page; null on the last one.</summary>
[GenerateSerializer]
[Alias("mooc.StatementPage")]
public sealed record StatementPage(
    [property: Id(0)] IReadOnlyList<StoredStatement> Statements,
    [property: Id(1)] long? NextSequence);
