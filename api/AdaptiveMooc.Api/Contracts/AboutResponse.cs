namespace AdaptiveMooc.Api.Contracts;

public sealed record AboutResponse(IReadOnlyList<string> Version);
