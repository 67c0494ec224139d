namespace AdaptiveMooc.Grains.Abstractions.Certificates;

/// <summary>Shape of the revocation status lists (W3C Bitstring Status List v1.0).</summary>
public static class StatusLists
{
    /// <summary>Entries per list: 131,072 bits (16 KiB), the specification's minimum, for group privacy.</summary>
    public const int Size = 131_072;

    /// <summary>Lists a platform may use before issuing stops (about 13 million certificates).</summary>
    public const int MaxLists = 100;

    /// <summary>The public address of list <paramref name="list"/> under the platform's base URL.</summary>
    public static string Url(string publicBaseUrl, long list)
    {
        ArgumentNullException.ThrowIfNull(publicBaseUrl);
        return $"{publicBaseUrl.TrimEnd('/')}/api/certificates/status-lists/{list}";
    }

    /// <summary>The bit of entry <paramref name="index"/> (most significant bit of byte 0 is entry 0).</summary>
    public static bool IsSet(ReadOnlySpan<byte> bits, int index) => (bits[index / 8] & (0x80 >> (index % 8))) != 0;
}
