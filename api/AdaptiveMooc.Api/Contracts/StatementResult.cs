using System.Text.Json.Nodes;

namespace AdaptiveMooc.Api.Contracts;

/// <summary>xAPI 1.0.3 StatementResult: <c>more</c> is a relative URL of the next page, or empty.</summary>
public sealed record StatementResult(IReadOnlyList<JsonObject> Statements, string More);
