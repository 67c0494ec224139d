using Microsoft.AspNetCore.Identity;

namespace AdaptiveMooc.Api.Security;

/// <summary>
/// Password hashing with ASP.NET Core Identity's hasher (PBKDF2-HMAC-SHA512, salted, versioned format).
/// Learner and trainer hashes are both made here so the token endpoint verifies either.
/// </summary>
public static class Passwords
{
    public const int MinLength = 8;
    public const int MaxLength = 128;

    private static readonly PasswordHasher<Caller> Hasher = new();

    // Verified when the username matches no account, so a miss costs as much time as a wrong password.
    private static readonly Lazy<string> DecoyHash = new(() => Hasher.HashPassword(null!, Guid.NewGuid().ToString("N")));

    public static string Hash(string password) => Hasher.HashPassword(null!, password);

    /// <summary>Null when <paramref name="password"/> is acceptable, else why not (for a 400 detail).</summary>
    public static string? Problem(string? password) => password switch
    {
        null or "" => "password is required.",
        { Length: < MinLength } => $"password must have at least {MinLength} characters.",
        { Length: > MaxLength } => $"password must have at most {MaxLength} characters.",
        _ => null,
    };

    public static PasswordVerificationResult Verify(string? hash, string password)
    {
        if (hash is null)
        {
            Hasher.VerifyHashedPassword(null!, DecoyHash.Value, password);
            return PasswordVerificationResult.Failed;
        }

        return Hasher.VerifyHashedPassword(null!, hash, password);
    }
}
