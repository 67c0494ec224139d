using AdaptiveMooc.Api.Content;

namespace AdaptiveMooc.Api.Tests.Content;

public sealed class VideoEmbedTests
{
    [Theory]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")]
    [InlineData("https://youtu.be/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")]
    [InlineData("https://www.youtube.com/embed/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")]
    [InlineData("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871")]
    [InlineData("https://framatube.org/w/9c9de5e8-0a1e-484a-b099-e80766180a6d", "https://framatube.org/videos/embed/9c9de5e8-0a1e-484a-b099-e80766180a6d")]
    [InlineData("https://peertube.example/videos/watch/kkGMgK9ZtnKfYAgnEtQxbv", "https://peertube.example/videos/embed/kkGMgK9ZtnKfYAgnEtQxbv")]
    public void Known_video_hosts_get_their_player(string url, string embed)
    {
        Assert.Equal(embed, VideoEmbed.From(url));
        Assert.True(VideoEmbed.IsAllowedFrame(embed));
    }

    [Theory]
    [InlineData("https://example.org/article")]
    [InlineData("http://www.youtube.com/watch?v=dQw4w9WgXcQ")]
    [InlineData("https://www.youtube.com/watch?v=%22%3E%3Cscript%3E")]
    [InlineData("javascript:alert(1)")]
    [InlineData(null)]
    public void Other_pages_are_links_not_frames(string? url) => Assert.Null(VideoEmbed.From(url));
}
