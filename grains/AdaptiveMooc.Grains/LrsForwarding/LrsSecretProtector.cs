using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace AdaptiveMooc.Grains.LrsForwarding;

/// <summary>
/// Encrypts target passwords for the database (AES-256-GCM, the target id as associated data, so a
/// ciphertext copied to another row does not decrypt). The key lives in a file beside the other
/// secrets (<see cref="LrsForwardingOptions.KeyPath"/>), never in the database: a database dump alone
/// does not give away the outside LRS's credentials.
/// </summary>
internal sealed class LrsSecretProtector(IOptions<LrsForwardingOptions> options)
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly Lazy<byte[]> key = new(() => LoadOrCreate(options.Value.KeyPath), LazyThreadSafetyMode.PublicationOnly);

    public byte[] Protect(Guid targetId, string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var plain = Encoding.UTF8.GetBytes(secret);
        var output = new byte[NonceSize + TagSize + plain.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key.Value, TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize), targetId.ToByteArray());
        return output;
    }

    public string Unprotect(Guid targetId, byte[] protectedSecret)
    {
        ArgumentNullException.ThrowIfNull(protectedSecret);
        if (protectedSecret.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("The protected secret is too short.");
        }

        var plain = new byte[protectedSecret.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key.Value, TagSize);
        aes.Decrypt(
            protectedSecret.AsSpan(0, NonceSize), protectedSecret.AsSpan(NonceSize + TagSize), protectedSecret.AsSpan(NonceSize, TagSize), plain,
            targetId.ToByteArray());
        return Encoding.UTF8.GetString(plain);
    }

    private static byte[] LoadOrCreate(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            var fresh = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            try
            {
                // CreateNew: of two silos starting at once, one writes and the other reads what it wrote.
                var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }

                using var stream = new FileStream(full, fileOptions);
                using var writer = new StreamWriter(stream);
                writer.Write(fresh);
            }
            catch (IOException) when (File.Exists(full))
            {
            }
        }

        // Empty only while another silo is between creating and writing it: this call fails, the next one reads it
        // (PublicationOnly keeps the failure from being cached).
        var bytes = Convert.FromBase64String(File.ReadAllText(full).Trim());
        return bytes.Length == 32 ? bytes : throw new CryptographicException($"{full} must hold 32 bytes in base64.");
    }
}
