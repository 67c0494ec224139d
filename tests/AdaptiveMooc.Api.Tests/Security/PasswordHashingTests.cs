using System.Buffers.Binary;
using AdaptiveMooc.Api.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AdaptiveMooc.Api.Tests.Security;

public sealed class PasswordHashingTests
{
    private const string Password = "correct-horse-battery";

    [Fact]
    public void New_hashes_use_owasp_iterations_for_pbkdf2_sha512()
    {
        var hash = Convert.FromBase64String(Passwords.Hash(Password));

        // Identity V3 format: 0x01, PRF (1 = HMAC-SHA256, 2 = HMAC-SHA512), iteration count, both big-endian.
        Assert.Equal(0x01, hash[0]);
        Assert.Equal(2u, BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(1, 4)));
        Assert.Equal(210_000u, BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(5, 4)));
        Assert.Equal(PasswordVerificationResult.Success, Passwords.Verify(Passwords.Hash(Password), Password));
    }

    [Fact]
    public void A_hash_made_with_the_old_default_still_verifies_and_asks_to_be_rehashed()
    {
        // 100,000 was ASP.NET Core Identity's default before this change; such hashes sit in grain state.
        var old = new PasswordHasher<Caller>(Options.Create(new PasswordHasherOptions { IterationCount = 100_000 })).HashPassword(null!, Password);

        Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, Passwords.Verify(old, Password));
        Assert.Equal(PasswordVerificationResult.Failed, Passwords.Verify(old, "wrong-password"));
    }
}
