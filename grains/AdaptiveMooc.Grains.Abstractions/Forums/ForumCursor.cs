using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace AdaptiveMooc.Grains.Abstractions.Forums;

/// <summary>
/// Opaque keyset cursors: a position in the listing order (pinned first, newest first, id as tie-break),
/// so a page costs the same however deep it is and rows inserted meanwhile shift nothing.
/// </summary>
public readonly record struct ForumCursor(bool Pinned, DateTimeOffset At, Guid Id)
{
    public string Encode() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{(Pinned ? 1 : 0)}|{At.UtcTicks}|{Id:N}")));

    public static bool TryDecode(string? text, out ForumCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(text) || text.Length > 200)
        {
            return false;
        }

        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text)).Split('|');
            if (parts.Length != 3
                || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks
                || !Guid.TryParseExact(parts[2], "N", out var id)
                || parts[0] is not ("0" or "1"))
            {
                return false;
            }

            cursor = new ForumCursor(parts[0] == "1", new DateTimeOffset(ticks, TimeSpan.Zero), id);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>True when <paramref name="row"/> comes after this cursor in listing order.</summary>
    public bool Precedes(bool pinned, DateTimeOffset at, Guid id)
    {
        if (Pinned != pinned)
        {
            return Pinned;
        }

        var byTime = at.UtcTicks.CompareTo(At.UtcTicks);
        return byTime != 0 ? byTime < 0 : CompareIds(id, Id) < 0;
    }

    /// <summary>Orders ids as PostgreSQL orders <c>uuid</c> (bytes in textual order), so both stores page alike.</summary>
    public static int CompareIds(Guid left, Guid right) =>
        string.CompareOrdinal(left.ToString("N"), right.ToString("N"));
}
