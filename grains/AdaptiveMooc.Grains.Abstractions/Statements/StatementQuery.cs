namespace AdaptiveMooc.Grains.Abstractions.Statements;

/// <summary>
/// Filters of <c>GET /xapi/statements</c>: <see cref="Since"/> and <see cref="Until"/> are on <c>stored</c>.
/// Newest first unless <see cref="Ascending"/>; <see cref="AfterSequence"/> continues a previous page.
/// </summary>
[GenerateSerializer]
[Alias("mooc.StatementQuery")]
public sealed record StatementQuery(
    [property: Id(0)] string? LearnerId,
    [property: Id(1)] string? ActivityId,
    [property: Id(2)] string? Verb,
    [property: Id(3)] DateTimeOffset? Since,
    [property: Id(4)] DateTimeOffset? Until,
    [property: Id(5)] int Limit,
    [property: Id(6)] long? AfterSequence,
    [property: Id(7)] bool Ascending);
