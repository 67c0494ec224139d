using System.Buffers.Text;
using System.Globalization;
using System.Text;
using AdaptiveMooc.Grains.Abstractions.Forums;

namespace AdaptiveMooc.Grains.Abstractions.Webinars;

/// <summary>Opaque keyset cursor over webinars in start order (id as tie-break).</summary>
public readonly record struct WebinarCursor(DateTimeOffset At, Guid Id)
{
    public string Encode() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{At.UtcTicks}|{Id:N}")));

    public static bool TryDecode(string? text, out WebinarCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(text) || text.Length > 200)
        {
            return false;
        }

        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text)).Split('|');
            if (parts.Length != 2
                || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks
                || !Guid.TryParseExact(parts[1], "N", out var id))
            {
                return false;
            }

            cursor = new WebinarCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>True when a webinar starting at <paramref name="at"/> comes after this cursor.</summary>
    public bool Precedes(DateTimeOffset at, Guid id)
    {
        var byTime = at.UtcTicks.CompareTo(At.UtcTicks);
        return byTime != 0 ? byTime > 0 : ForumCursor.CompareIds(id, Id) > 0;
    }
}
