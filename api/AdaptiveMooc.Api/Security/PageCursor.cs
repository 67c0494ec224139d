using System.Buffers.Text;
using System.Text;

namespace AdaptiveMooc.Api.Security;

/// <summary>The opaque <c>after</c> cursor and <c>limit</c> rules of CONTRACT.md for the security lists.</summary>
internal static class PageCursor
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    public static string Encode(string position) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(position));

    public static bool TryDecode(string? cursor, out string? position)
    {
        position = null;
        if (string.IsNullOrEmpty(cursor))
        {
            return true;
        }

        try
        {
            position = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public static bool TryLimit(int? limit, out int value)
    {
        value = limit ?? DefaultLimit;
        return value is >= 1 and <= MaxLimit;
    }
}
