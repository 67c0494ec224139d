namespace AdaptiveMooc.Api.Contracts;

public sealed record AccountDeletionBody(string? Password);
