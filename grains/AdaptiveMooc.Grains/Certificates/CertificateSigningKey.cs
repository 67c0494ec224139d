using System.Security.Cryptography;
using AdaptiveMooc.Grains.Abstractions.Certificates;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AdaptiveMooc.Grains.Certificates;

/// <summary>
/// The issuer's signing key: generated on first use and written with owner-only permissions; when
/// several silos start together the first file written wins and the others read it.
/// </summary>
internal sealed class CertificateSigningKey : IDisposable
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    private readonly Lazy<(ECDsa Key, PublicJwk Jwk)> key;
    private readonly Lazy<IReadOnlyList<PublicJwk>> published;

    public CertificateSigningKey(IOptions<CertificateOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = options.Value.SigningKeyPath;
        var retired = options.Value.RetiredKeysPath;
        key = new(() => LoadOrCreate(path), LazyThreadSafetyMode.ExecutionAndPublication);
        published = new(() => [PublicJwk, .. Retired(retired).Where(k => k.Kid != PublicJwk.Kid)], LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public PublicJwk PublicJwk => key.Value.Jwk;

    /// <summary>The current key first, then every retired one: what verifiers may check certificates against.</summary>
    public IReadOnlyList<PublicJwk> PublishedKeys => published.Value;

    /// <summary>
    /// A compact ES256 JWS over the credential (header <c>alg</c>, <c>kid</c>, <c>typ</c>), made by
    /// Microsoft.IdentityModel's <see cref="JsonWebTokenHandler"/> rather than by hand; the payload is
    /// signed as given (no times added: the credential carries its own).
    /// </summary>
    public string Sign(string payloadJson)
    {
        // No provider cache: it is keyed by kid and would outlive this instance's ECDsa (disposed with it)
        // when another instance loads the same key file.
        var securityKey = new ECDsaSecurityKey(key.Value.Key)
        {
            KeyId = key.Value.Jwk.Kid,
            CryptoProviderFactory = new CryptoProviderFactory { CacheSignatureProviders = false },
        };
        var credentials = new SigningCredentials(securityKey, SecurityAlgorithms.EcdsaSha256);
        return Handler.CreateToken(payloadJson, credentials);
    }

    public void Dispose()
    {
        if (key.IsValueCreated)
        {
            key.Value.Key.Dispose();
        }
    }

    private static IEnumerable<PublicJwk> Retired(string? folder)
    {
        if (string.IsNullOrEmpty(folder) || !Directory.Exists(folder))
        {
            return [];
        }

        return Directory.EnumerateFiles(folder, "*.pem").Order(StringComparer.Ordinal).Select(file =>
        {
            using var ecdsa = ECDsa.Create();
            ecdsa.ImportFromPem(File.ReadAllText(file));
            return VcJwt.PublicJwkOf(ecdsa);
        }).DistinctBy(k => k.Kid).ToList();
    }

    private static (ECDsa, PublicJwk) LoadOrCreate(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            using var fresh = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var temp = full + "." + Guid.NewGuid().ToString("N") + ".tmp";
            var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var writer = new StreamWriter(temp, fileOptions))
            {
                writer.Write(fresh.ExportPkcs8PrivateKeyPem());
            }

            try
            {
                File.Move(temp, full, overwrite: false);
            }
            catch (IOException) when (File.Exists(full))
            {
                File.Delete(temp);
            }
        }

        var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(File.ReadAllText(full));
        return (ecdsa, VcJwt.PublicJwkOf(ecdsa));
    }
}
