namespace AdaptiveMooc.Grains.Abstractions.Statements;

/// <summary>
/// Filters of <c>GET /xapi/statements</c>: <see cref="Since"/> and <see cref="Until"/> are on <c>stored</c>.
/// Newest first unless <see cref="Ascending"/>; <see cref="AfterSequence"/> continues a previous page.
/// xAPI filters: <see cref="Agent"/> is an agent key (<see cref="XapiIndex"/>), matched against the actor and an
/// agent object, or every agent of the statement with <see cref="RelatedAgents"/>; <see cref="ActivityId"/> matches
/// the object, or every activity with <see cref="RelatedActivities"/>. A statement whose object is a StatementRef
/// also matches when the statement it targets does (time filters excepted). Voided statements are never returned.
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
    [property: Id(7)] bool Ascending,
    [property: Id(8)] string? Agent = null,
    [property: Id(9)] bool RelatedAgents = false,
    [property: Id(10)] bool RelatedActivities = false,
    [property: Id(11)] Guid? Registration = null);
