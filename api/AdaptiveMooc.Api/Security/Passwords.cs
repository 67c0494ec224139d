using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AdaptiveMooc.Api.Security;

/// <summary>
/// Password hashing with ASP.NET Core Identity's hasher (PBKDF2-HMAC-SHA512, salted, versioned format that
/// stores its iteration count). Iterations: <see cref="OwaspIterations"/> (OWASP's advice for
/// PBKDF2-HMAC-SHA512; 600,000 is its figure for SHA-256), raised by <c>Mooc:Passwords:Iterations</c>.
/// A hash made with fewer iterations still verifies and is replaced at the next sign-in. Only the
/// explicit test setting <c>Mooc:Passwords:TestOnlyIterations</c> may go lower.
/// Learner and trainer hashes are both made here so the token endpoint verifies either.
/// </summary>
public static class Passwords
{
    public const int MinLength = 8;
    public const int MaxLength = 128;
    public const int OwaspIterations = 210_000;
    public const string Section = "Mooc:Passwords";

    private static PasswordHasher<Caller> Hasher = Create(OwaspIterations);

    // Verified when the username matches no account, so a miss costs as much time as a wrong password.
    private static Lazy<string> DecoyHash = new(() => Hasher.HashPassword(null!, Guid.NewGuid().ToString("N")));

    public static int Iterations { get; private set; } = OwaspIterations;

    /// <summary>Sets the iteration count once at start-up from <c>Mooc:Passwords</c>; refuses less than OWASP's advice outside tests.</summary>
    public static void Configure(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var testOnly = configuration.GetValue<int?>(Section + ":TestOnlyIterations");
        var iterations = testOnly ?? configuration.GetValue(Section + ":Iterations", OwaspIterations);
        if (testOnly is null && iterations < OwaspIterations)
        {
            throw new InvalidOperationException($"{Section}:Iterations must be at least {OwaspIterations} (OWASP, PBKDF2-HMAC-SHA512).");
        }

        if (iterations < 1_000)
        {
            throw new InvalidOperationException($"{Section}:TestOnlyIterations must be at least 1000.");
        }

        Iterations = iterations;
        Hasher = Create(iterations);
        DecoyHash = new(() => Hasher.HashPassword(null!, Guid.NewGuid().ToString("N")));
    }

    private static PasswordHasher<Caller> Create(int iterations) =>
        new(Options.Create(new PasswordHasherOptions { IterationCount = iterations, CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3 }));

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
