using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace AdaptiveMooc.Api.Security;

/// <summary>
/// The admin key's digest, read from its file (written by ./mooc up). Read again while the file is
/// missing, so an API started before the file exists picks it up.
/// </summary>
public sealed class AdminKey(IOptions<AdminKeyOptions> options)
{
    private byte[]? digest;

    public bool Matches(string presented)
    {
        var expected = digest ??= ReadDigest(options.Value.Path);
        if (expected is null || presented.Length == 0)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), expected);
    }

    private static byte[]? ReadDigest(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var key = File.ReadAllText(path).Trim();
        return key.Length == 0 ? null : SHA256.HashData(Encoding.UTF8.GetBytes(key));
    }
}
