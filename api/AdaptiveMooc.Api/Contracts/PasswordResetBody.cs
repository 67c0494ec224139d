namespace AdaptiveMooc.Api.Contracts;

public sealed record PasswordResetBody(string? Email);
