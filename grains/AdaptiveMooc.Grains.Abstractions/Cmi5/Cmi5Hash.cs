using System.Security.Cryptography;
using System.Text;

namespace AdaptiveMooc.Grains.Abstractions.Cmi5;

/// <summary>Secrets of cmi5 launches (fetch secrets, auth tokens) are kept only as their SHA-256 hex.</summary>
public static class Cmi5Hash
{
    public static string Of(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret ?? string.Empty)));
}
