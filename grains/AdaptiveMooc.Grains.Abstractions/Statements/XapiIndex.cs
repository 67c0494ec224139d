namespace AdaptiveMooc.Grains.Abstractions.Statements;

/// <summary>
/// What the LRS queries of <c>GET /xapi/statements</c> need from a statement, extracted once when it is
/// validated (docs/XAPI.md). Agent keys are inverse functional identifiers written as
/// <c>mbox:mailto:..</c>, <c>mbox_sha1sum:..</c>, <c>openid:..</c> or <c>account:{homePage}|{name}</c>.
/// <see cref="Agents"/>: the actor and an Agent or Group object (the <c>agent</c> filter);
/// <see cref="RelatedAgents"/>: those plus every other agent of the statement (authority, instructor, team,
/// group members, sub-statement agents); <see cref="RelatedActivities"/>: the object activity plus context
/// activities and the sub-statement's; <see cref="StatementRef"/>: the id a StatementRef object targets;
/// <see cref="Voiding"/>: the verb is <c>voided</c>; <see cref="Attachments"/>: SHA-2 of the attachments whose
/// content was sent with the statement.
/// </summary>
[GenerateSerializer]
[Alias("mooc.XapiIndex")]
public sealed record XapiIndex(
    [property: Id(0)] IReadOnlyList<string> Agents,
    [property: Id(1)] IReadOnlyList<string> RelatedAgents,
    [property: Id(2)] IReadOnlyList<string> RelatedActivities,
    [property: Id(3)] Guid? Registration,
    [property: Id(4)] Guid? StatementRef,
    [property: Id(5)] bool Voiding,
    [property: Id(6)] IReadOnlyList<string> Attachments);
