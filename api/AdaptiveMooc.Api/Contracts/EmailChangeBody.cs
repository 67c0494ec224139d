namespace AdaptiveMooc.Api.Contracts;

public sealed record EmailChangeBody(string? Email, string? Password);
