using System.Text.RegularExpressions;

namespace AdaptiveMooc.Api.Content;

/// <summary>
/// The player address of an outside video (YouTube, Vimeo, PeerTube), so the lesson page can frame it; any
/// other https page has no embed and is shown as a link. The same hosts are the only frames a Markdown body
/// may keep (<see cref="LessonHtml"/>).
/// </summary>
public static partial class VideoEmbed
{
    private static readonly HashSet<string> YouTubeHosts = new(StringComparer.OrdinalIgnoreCase)
    {
        "youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be", "www.youtube-nocookie.com",
    };

    private static readonly HashSet<string> VimeoHosts = new(StringComparer.OrdinalIgnoreCase) { "vimeo.com", "www.vimeo.com", "player.vimeo.com" };

    /// <summary>The https embed address of <paramref name="url"/>, or null when it is not a video this platform knows how to frame.</summary>
    public static string? From(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            return null;
        }

        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (YouTubeHosts.Contains(uri.Host))
        {
            var id = uri.Host.Equals("youtu.be", StringComparison.OrdinalIgnoreCase) && segments.Length == 1 ? segments[0]
                : segments is ["watch"] ? QueryValue(uri, "v")
                : segments is ["embed" or "shorts" or "live", var v] ? v
                : null;
            return id is not null && YouTubeId().IsMatch(id) ? $"https://www.youtube-nocookie.com/embed/{id}" : null;
        }

        if (VimeoHosts.Contains(uri.Host))
        {
            var id = segments.LastOrDefault(s => s.All(char.IsAsciiDigit));
            return id is { Length: > 0 and <= 20 } ? $"https://player.vimeo.com/video/{id}" : null;
        }

        // PeerTube: any instance, /w/{shortUUID}, /videos/watch/{uuid} or /videos/embed/{id}.
        var peerTubeId = segments switch
        {
            ["w", var v] => v,
            ["videos", "watch" or "embed", var v] => v,
            _ => null,
        };
        return peerTubeId is not null && PeerTubeId().IsMatch(peerTubeId)
            ? $"https://{uri.Authority}/videos/embed/{peerTubeId}"
            : null;
    }

    /// <summary>Whether a frame's address is a player of a host <see cref="From"/> produces (the only frames a body keeps).</summary>
    public static bool IsAllowedFrame(string? src) =>
        src is not null && Uri.TryCreate(src, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
        && (uri.Host.Equals("www.youtube-nocookie.com", StringComparison.OrdinalIgnoreCase)
            || uri.Host.Equals("www.youtube.com", StringComparison.OrdinalIgnoreCase)
            || uri.Host.Equals("player.vimeo.com", StringComparison.OrdinalIgnoreCase)
            || uri.AbsolutePath.StartsWith("/videos/embed/", StringComparison.Ordinal))
        && (uri.AbsolutePath.StartsWith("/embed/", StringComparison.Ordinal)
            || uri.AbsolutePath.StartsWith("/video/", StringComparison.Ordinal)
            || uri.AbsolutePath.StartsWith("/videos/embed/", StringComparison.Ordinal));

    private static string? QueryValue(Uri uri, string name) =>
        uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2 && p[0] == name)
            .Select(p => Uri.UnescapeDataString(p[1]))
            .FirstOrDefault();

    [GeneratedRegex("^[A-Za-z0-9_-]{6,20}$")]
    private static partial Regex YouTubeId();

    [GeneratedRegex("^[A-Za-z0-9-]{6,40}$")]
    private static partial Regex PeerTubeId();
}
