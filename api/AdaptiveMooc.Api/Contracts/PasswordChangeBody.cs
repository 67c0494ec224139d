namespace AdaptiveMooc.Api.Contracts;

public sealed record PasswordChangeBody(string? CurrentPassword, string? NewPassword);
