using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace AdaptiveMooc.Api.Security;

/// <summary>
/// Platform API keys read <c>mk_&lt;id&gt;_&lt;secret&gt;</c>: the id (16 hex digits) finds the key's grain
/// directly; the secret is 256 random bits. Only the SHA-256 of the whole text is stored.
/// </summary>
public static class ApiKeyText
{
    public const string Prefix = "mk_";
    public const int IdLength = 16;

    /// <summary>Characters of the secret: 256 bits in unpadded base64url.</summary>
    public const int SecretLength = 43;

    /// <summary>Length of a whole key: <c>mk_</c>, the id, <c>_</c>, the secret.</summary>
    public const int KeyLength = 3 + IdLength + 1 + SecretLength;

    private static readonly System.Buffers.SearchValues<char> Base64UrlAlphabet =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    public static (string Id, string Key) Create()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(IdLength / 2));
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (id, $"{Prefix}{id}_{secret}");
    }

    /// <summary>
    /// The id of a key of exactly the platform's form (prefix, 16 hex digits, 43 base64url characters); false
    /// for anything else, so a malformed key is refused without a grain call.
    /// </summary>
    public static bool TryGetId(string key, out string id)
    {
        id = string.Empty;
        if (key is null || key.Length != KeyLength || !key.StartsWith(Prefix, StringComparison.Ordinal)
            || key[Prefix.Length + IdLength] != '_'
            || key.AsSpan(Prefix.Length + IdLength + 1).ContainsAnyExcept(Base64UrlAlphabet))
        {
            return false;
        }

        var candidate = key.Substring(Prefix.Length, IdLength);
        if (!IsId(candidate))
        {
            return false;
        }

        id = candidate;
        return true;
    }

    public static bool IsId(string? id) =>
        id is { Length: IdLength } && id.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

    public static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
