using System.Text.Json;
using AdaptiveMooc.Grains.Abstractions.Statements;

namespace AdaptiveMooc.Api.Xapi;

/// <summary>
/// A statement that passed validation. <see cref="IsGradedClaim"/>: a passed, failed or completed verb, or a
/// result with success, completion or a score: what grades a quiz or an assignment when a grader says it.
/// <see cref="Mbox"/>: the actor's e-mail when the actor is an Agent identified by mbox (a learner's verified
/// e-mail maps it to the learner); <see cref="Attachments"/>: the attachments it declares; <see cref="Element"/>:
/// the statement as sent.
/// </summary>
internal sealed record ParsedStatement(int Index, StatementRecord Record, bool IsGradedClaim)
{
    public string? Mbox { get; init; }

    public bool HasTimestamp { get; init; }

    public IReadOnlyList<DeclaredAttachment> Attachments { get; init; } = [];

    public JsonElement Element { get; init; }
}

/// <summary>One entry of a statement's <c>attachments</c>: <see cref="HasFileUrl"/> says its content may live elsewhere.</summary>
internal sealed record DeclaredAttachment(string Sha2, string ContentType, long Length, string UsageType, bool HasFileUrl);
