using System.Security.Cryptography;
using System.Text;

namespace AdaptiveMooc.Grains.Abstractions.Accounts;

/// <summary>The digests the account flows store instead of tokens and addresses.</summary>
public static class AccountDigests
{
    /// <summary>Lower-case hex SHA-256 of the text (a mailed token, a unsubscribe payload).</summary>
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The digest of an e-mail address as the e-mail index compares it (trimmed, lower case).</summary>
    public static string OfEmail(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return Of(email.Trim().ToLowerInvariant());
    }
}
