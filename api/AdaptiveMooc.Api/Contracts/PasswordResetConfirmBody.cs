namespace AdaptiveMooc.Api.Contracts;

public sealed record PasswordResetConfirmBody(string? Token, string? NewPassword);
