using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace AdaptiveMooc.Api.Security;

/// <summary>
/// The ES256 key that signs access tokens, generated on first run, plus the previous key after a
/// rotation. Both validate; only the current one signs.
/// </summary>
public sealed class SigningKeyStore : IPublicKeySource, IDisposable
{
    private readonly List<ECDsa> owned = [];

    public SigningKeyStore(IOptions<JwtOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        Current = Load(SecretFiles.ReadOrCreate(o.SigningKeyPath, NewKeyPem));
        var keys = new List<ECDsaSecurityKey> { Current };
        if (!string.IsNullOrEmpty(o.PreviousSigningKeyPath) && File.Exists(o.PreviousSigningKeyPath))
        {
            keys.Add(Load(File.ReadAllText(o.PreviousSigningKeyPath)));
        }

        ValidationKeys = keys;
        Credentials = new SigningCredentials(Current, SecurityAlgorithms.EcdsaSha256);
    }

    public ECDsaSecurityKey Current { get; }

    public SigningCredentials Credentials { get; }

    public IReadOnlyList<SecurityKey> ValidationKeys { get; }

    public IEnumerable<JsonWebKey> GetPublicKeys() => ValidationKeys.Cast<ECDsaSecurityKey>().Select(ToPublicJwk);

    public void Dispose()
    {
        foreach (var key in owned)
        {
            key.Dispose();
        }
    }

    private static string NewKeyPem()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return key.ExportPkcs8PrivateKeyPem();
    }

    private ECDsaSecurityKey Load(string pem)
    {
        var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(pem);
        owned.Add(ecdsa);
        var key = new ECDsaSecurityKey(ecdsa);
        key.KeyId = Base64UrlEncoder.Encode(ToPublicJwk(key).ComputeJwkThumbprint());
        return key;
    }

    private static JsonWebKey ToPublicJwk(ECDsaSecurityKey key)
    {
        var parameters = key.ECDsa.ExportParameters(includePrivateParameters: false);
        var jwk = new JsonWebKey
        {
            Kty = JsonWebAlgorithmsKeyTypes.EllipticCurve,
            Crv = JsonWebKeyECTypes.P256,
            X = Base64UrlEncoder.Encode(parameters.Q.X),
            Y = Base64UrlEncoder.Encode(parameters.Q.Y),
            Use = JsonWebKeyUseNames.Sig,
            Alg = SecurityAlgorithms.EcdsaSha256,
        };
        if (!string.IsNullOrEmpty(key.KeyId))
        {
            jwk.Kid = key.KeyId;
        }

        return jwk;
    }
}
