using AdaptiveMooc.Grains.Abstractions.Statements;

namespace AdaptiveMooc.Api.Xapi;

/// <summary>
/// A statement that passed validation. <see cref="IsGradedClaim"/>: a passed, failed or completed verb, or a
/// result with success, completion or a score: what grades a quiz or an assignment when a grader says it.
/// </summary>
internal sealed record ParsedStatement(int Index, StatementRecord Record, bool IsGradedClaim);
