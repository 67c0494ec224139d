using System.Security.Cryptography;
using AdaptiveMooc.Grains.Abstractions.Certificates;
using Microsoft.Extensions.Options;

namespace AdaptiveMooc.Grains.Certificates;

/// <summary>
/// The issuer's signing key: generated on first use and written with owner-only permissions; when
/// several silos start together the first file written wins and the others read it.
/// </summary>
internal sealed class CertificateSigningKey : IDisposable
{
    private readonly Lazy<(ECDsa Key, PublicJwk Jwk)> key;

    public CertificateSigningKey(IOptions<CertificateOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = options.Value.SigningKeyPath;
        key = new(() => LoadOrCreate(path), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public PublicJwk PublicJwk => key.Value.Jwk;

    public string Sign(string payloadJson) => VcJwt.Sign(key.Value.Key, key.Value.Jwk.Kid, payloadJson);

    public void Dispose()
    {
        if (key.IsValueCreated)
        {
            key.Value.Key.Dispose();
        }
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
