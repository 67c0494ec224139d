using AdaptiveMooc.Grains.Abstractions.Certificates;
using AdaptiveMooc.Grains.Certificates;
using Microsoft.Extensions.Options;

namespace AdaptiveMooc.Grains.Tests.Certificates;

/// <summary>
/// Issue 16, finding 7: a key rotation must not break certificates signed before it. Outside verifiers
/// only have /.well-known/jwks.json, which publishes <see cref="CertificateSigningKey.PublishedKeys"/>.
/// </summary>
public sealed class CertificateKeyRotationTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("mooc-cert-keys-").FullName;

    [Fact]
    public void A_certificate_signed_before_a_rotation_still_verifies_against_the_published_keys()
    {
        var options = Options.Create(new CertificateOptions
        {
            SigningKeyPath = Path.Combine(folder, "certificate-signing-key.pem"),
            RetiredKeysPath = Path.Combine(folder, "retired"),
        });
        string oldJwt;
        string oldKid;
        using (var before = new CertificateSigningKey(options))
        {
            oldJwt = before.Sign("""{"id":"urn:uuid:before"}""");
            oldKid = before.PublicJwk.Kid;
            Assert.Equal([oldKid], before.PublishedKeys.Select(k => k.Kid));
        }

        // The documented rotation: move the key into the retired folder and restart.
        Directory.CreateDirectory(options.Value.RetiredKeysPath);
        File.Move(options.Value.SigningKeyPath, Path.Combine(options.Value.RetiredKeysPath, "2026-12-07.pem"));
        using var after = new CertificateSigningKey(options);
        var newJwt = after.Sign("""{"id":"urn:uuid:after"}""");

        Assert.NotEqual(oldKid, after.PublicJwk.Kid);
        Assert.Equal(after.PublicJwk.Kid, VcJwt.ReadKeyId(newJwt));
        Assert.Equal([after.PublicJwk.Kid, oldKid], after.PublishedKeys.Select(k => k.Kid));
        Assert.Equal("""{"id":"urn:uuid:before"}""", VcJwt.Verify(oldJwt, after.PublishedKeys));
        Assert.Equal("""{"id":"urn:uuid:after"}""", VcJwt.Verify(newJwt, after.PublishedKeys));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
