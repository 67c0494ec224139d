namespace AdaptiveMooc.Grains.Certificates;

/// <summary>Configuration of certificate issuance (section <c>Mooc:Certificates</c>).</summary>
public sealed class CertificateOptions
{
    public const string Section = "Mooc:Certificates";

    /// <summary>PEM file of the issuer's P-256 signing key; created on first run (mode 0600), never committed.</summary>
    public string SigningKeyPath { get; set; } = ".data/secrets/certificate-signing-key.pem";

    /// <summary>
    /// Folder of retired signing keys (<c>*.pem</c>): never used to sign, but their public halves stay in
    /// /.well-known/jwks.json so certificates signed before a rotation keep verifying. Rotation: move the
    /// current key file in here and restart; a new key is created.
    /// </summary>
    public string RetiredKeysPath { get; set; } = ".data/secrets/certificate-signing-keys.retired";

    /// <summary>Issuer id and base of activity ids: the platform's public base URL (<c>Mooc:PublicBaseUrl</c>).</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";

    public string IssuerName { get; set; } = "AdaptiveMooc";
}
