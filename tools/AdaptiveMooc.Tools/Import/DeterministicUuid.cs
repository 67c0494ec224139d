using System.Security.Cryptography;
using System.Text;

namespace AdaptiveMooc.Tools.Import;

/// <summary>
/// Name-based UUIDs (RFC 9562 version 5, SHA-1): the same OULAD row always yields the same statement
/// id, so a rerun of the import posts the same statements and the LRS answers 200 instead of storing
/// them twice.
/// </summary>
internal static class DeterministicUuid
{
    /// <summary>Namespace of the OULAD importer's statement ids (itself a v5 UUID of the URL namespace).</summary>
    public static readonly Guid OuladNamespace = Create(
        new Guid("6ba7b811-9dad-11d1-80b4-00c04fd430c8"), "https://github.com/adaptivemooc/import/oulad");

    public static Guid Create(Guid ns, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Span<byte> nsBytes = stackalloc byte[16];
        if (!ns.TryWriteBytes(nsBytes, bigEndian: true, out _))
        {
            throw new InvalidOperationException("A Guid is 16 bytes.");
        }

        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        nsBytes.CopyTo(input);
        nameBytes.CopyTo(input, 16);

        // SHA-1 is what version 5 specifies; it names rows here, it protects nothing.
#pragma warning disable CA5350
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
