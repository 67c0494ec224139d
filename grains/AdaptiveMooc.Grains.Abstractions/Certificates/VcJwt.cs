using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace AdaptiveMooc.Grains.Abstractions.Certificates;

/// <summary>
/// Compact JWS with ES256 (RFC 7515/7518) over a credential: the framework's ECDsa on P-256 with SHA-256,
/// signature in the IEEE P1363 (r||s) form JOSE requires. Verification needs only the published JWK.
/// </summary>
public static class VcJwt
{
    public const string Algorithm = "ES256";

    public static string Sign(ECDsa key, string keyId, string payloadJson)
    {
        ArgumentNullException.ThrowIfNull(key);
        var header = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["alg"] = Algorithm,
            ["typ"] = "JWT",
            ["kid"] = keyId,
        });
        var signingInput = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header)) + "."
            + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payloadJson));
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    /// <summary>
    /// Checks the signature against the key named by the header's <c>kid</c>; returns the payload JSON when
    /// it verifies, null for anything malformed, unsigned by a listed key or tampered with.
    /// </summary>
    public static string? Verify(string jwt, IEnumerable<PublicJwk> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (string.IsNullOrEmpty(jwt))
        {
            return null;
        }

        var parts = jwt.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
            if (header.RootElement.ValueKind != JsonValueKind.Object
                || !header.RootElement.TryGetProperty("alg", out var alg) || alg.GetString() != Algorithm
                || !header.RootElement.TryGetProperty("kid", out var kid))
            {
                return null;
            }

            var jwk = keys.FirstOrDefault(k => k.Kid == kid.GetString());
            if (jwk is null || jwk.Kty != "EC" || jwk.Crv != "P-256")
            {
                return null;
            }

            using var ecdsa = ECDsa.Create(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                Q = new ECPoint { X = Base64Url.DecodeFromChars(jwk.X), Y = Base64Url.DecodeFromChars(jwk.Y) },
            });
            var signature = Base64Url.DecodeFromChars(parts[2]);
            var signingInput = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
            if (!ecdsa.VerifyData(signingInput, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
            {
                return null;
            }

            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1]));
        }
        catch (Exception e) when (e is FormatException or JsonException or CryptographicException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The <c>kid</c> of the JWS header (unverified: it only says which key to check with).</summary>
    public static string? ReadKeyId(string jwt)
    {
        var dot = jwt?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (dot <= 0)
        {
            return null;
        }

        try
        {
            using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(jwt.AsSpan(0, dot)));
            return header.RootElement.ValueKind == JsonValueKind.Object && header.RootElement.TryGetProperty("kid", out var kid)
                && kid.ValueKind == JsonValueKind.String ? kid.GetString() : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    /// <summary>The public JWK of a P-256 key, with its RFC 7638 thumbprint as <c>kid</c>.</summary>
    public static PublicJwk PublicJwkOf(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var q = key.ExportParameters(includePrivateParameters: false).Q;
        var x = Base64Url.EncodeToString(q.X);
        var y = Base64Url.EncodeToString(q.Y);
        // RFC 7638: the required members in lexicographic order, no whitespace.
        var canonical = $"{{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"{x}\",\"y\":\"{y}\"}}";
        var kid = Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
        return new PublicJwk("EC", "P-256", x, y, kid, Algorithm, "sig");
    }
}
