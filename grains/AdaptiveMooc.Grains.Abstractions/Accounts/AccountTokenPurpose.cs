namespace AdaptiveMooc.Grains.Abstractions.Accounts;

/// <summary>What a mailed account token may do; a token redeems only for its own purpose.</summary>
public static class AccountTokenPurpose
{
    public const string VerifyEmail = "verify-email";
    public const string ResetPassword = "reset-password";
}
