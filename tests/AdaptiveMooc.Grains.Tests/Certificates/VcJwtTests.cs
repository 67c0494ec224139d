using System.Security.Cryptography;
using AdaptiveMooc.Grains.Abstractions.Certificates;

namespace AdaptiveMooc.Grains.Tests.Certificates;

public sealed class VcJwtTests
{
    [Fact]
    public void Verifies_only_with_the_signing_key()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var jwk = VcJwt.PublicJwkOf(key);
        var jwt = VcJwt.Sign(key, jwk.Kid, """{"id":"urn:uuid:1"}""");

        Assert.Equal("""{"id":"urn:uuid:1"}""", VcJwt.Verify(jwt, [jwk]));
        var impostor = VcJwt.PublicJwkOf(other) with { Kid = jwk.Kid };
        Assert.Null(VcJwt.Verify(jwt, [impostor]));
        Assert.Null(VcJwt.Verify(jwt, []));
        Assert.Null(VcJwt.Verify("not.a.jwt", [jwk]));
        Assert.Null(VcJwt.Verify("", [jwk]));
    }

    [Fact]
    public void Every_single_byte_change_of_the_signed_text_is_detected()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var jwk = VcJwt.PublicJwkOf(key);
        var jwt = VcJwt.Sign(key, jwk.Kid, """{"name":"Diploma","sub":"ann"}""");
        for (var i = 0; i < jwt.Length; i++)
        {
            if (jwt[i] == '.')
            {
                continue;
            }

            var chars = jwt.ToCharArray();
            chars[i] = chars[i] == 'A' ? 'B' : 'A';
            Assert.Null(VcJwt.Verify(new string(chars), [jwk]));
        }
    }
}
