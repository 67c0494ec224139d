namespace AdaptiveMooc.Api.Contracts;

public sealed record EmailTokenBody(string? Token);
