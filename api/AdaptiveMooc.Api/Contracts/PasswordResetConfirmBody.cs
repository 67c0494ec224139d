namespace AdaptiveMooc.Api.Contracts;

/// <summary>The reset link's token and the new password: <c>password</c> (the contract's name) or <c>newPassword</c>.</summary>
public sealed record PasswordResetConfirmBody(string? Token, string? NewPassword, string? Password = null);
