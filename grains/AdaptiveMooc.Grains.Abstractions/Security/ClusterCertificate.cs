using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace AdaptiveMooc.Grains.Abstractions.Security;

/// <summary>
/// The certificate silos and API processes present to each other on the silo and gateway ports (mutual
/// TLS, <c>Microsoft.Orleans.Connections.Security</c>). A peer is trusted when its certificate's SHA-256
/// thumbprint is pinned: the own certificate's, plus any listed in <c>Mooc:Tls:TrustedThumbprints</c>
/// (for a rolling rotation). With no <c>Mooc:Tls:CertificatePath</c> configured, the first process to
/// start creates a self-signed ECDSA P-256 certificate in <c>.data/secrets/cluster-tls.pfx</c> (mode
/// 0600) and every later one, silo or API, loads it: whoever can read that file is inside the cluster,
/// nobody else can call a grain. Lives here because it is the one project both the silo and the API
/// reference.
/// </summary>
public sealed class ClusterCertificate
{
    public const string Section = "Mooc:Tls";
    public const string DefaultPath = ".data/secrets/cluster-tls.pfx";
    private const string SubjectName = "CN=adaptivemooc-cluster";

    private readonly HashSet<string> trusted;

    private ClusterCertificate(X509Certificate2 certificate, IEnumerable<string> extraThumbprints)
    {
        Certificate = certificate;
        trusted = new HashSet<string>(extraThumbprints.Select(Normalize), StringComparer.Ordinal) { Thumbprint(certificate) };
    }

    public X509Certificate2 Certificate { get; }

    public IReadOnlySet<string> TrustedThumbprints => trusted;

    /// <summary>
    /// Loads the certificate at <paramref name="path"/> (PKCS#12, optional <paramref name="password"/>),
    /// creating a self-signed one first when the file does not exist. <paramref name="trustedThumbprints"/>:
    /// comma-separated SHA-256 thumbprints trusted besides the own certificate's.
    /// </summary>
    public static ClusterCertificate LoadOrCreate(string? path, string? password, string? trustedThumbprints)
    {
        var extraThumbprints = (trustedThumbprints ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        path = string.IsNullOrWhiteSpace(path) ? DefaultPath : path;
        if (!File.Exists(path))
        {
            Create(path);
        }

        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException($"{path} holds no private key: the cluster certificate must be a PKCS#12 file with its key.");
        }

        return new ClusterCertificate(certificate, extraThumbprints);
    }

    /// <summary>True when <paramref name="remote"/> is pinned; chain and name errors do not matter for a pinned self-signed certificate.</summary>
    public bool IsTrusted(X509Certificate2? remote) => remote is not null && trusted.Contains(Thumbprint(remote));

    public static string Thumbprint(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256));
    }

    private static string Normalize(string thumbprint) => thumbprint.Replace(":", string.Empty, StringComparison.Ordinal).Trim().ToUpperInvariant();

    private static void Create(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(SubjectName, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false)); // server and client authentication
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("adaptivemooc-cluster");
        request.CertificateExtensions.Add(san.Build());
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(5));
        var pfx = certificate.Export(X509ContentType.Pfx);

        // Written whole under a temporary name, then linked into place without replacing: processes
        // starting together never read half a file, and all end up with the first one's certificate.
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        {
            stream.Write(pfx);
            stream.Flush(flushToDisk: true);
        }

        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }
    }
}
