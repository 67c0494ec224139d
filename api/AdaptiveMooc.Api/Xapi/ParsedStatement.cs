using AdaptiveMooc.Grains.Abstractions.Statements;

namespace AdaptiveMooc.Api.Xapi;

/// <summary>A statement that passed validation. <see cref="IsGradedClaim"/>: passed/failed verb or a result.score.</summary>
internal sealed record ParsedStatement(int Index, StatementRecord Record, bool IsGradedClaim);
