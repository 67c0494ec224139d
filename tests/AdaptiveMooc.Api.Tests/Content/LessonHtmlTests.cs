using AdaptiveMooc.Api.Content;

namespace AdaptiveMooc.Api.Tests.Content;

public sealed class LessonHtmlTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("Hello <img src=x onerror=alert(1)>")]
    [InlineData("<a href=\"javascript:alert(1)\">click</a>")]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("![x](javascript:alert(1))")]
    [InlineData("<svg onload=alert(1)></svg>")]
    [InlineData("<iframe src=\"https://evil.example/x\"></iframe>")]
    [InlineData("<div style=\"background:url(javascript:alert(1))\" onclick=\"alert(1)\">x</div>")]
    [InlineData("<form action=\"https://evil.example\"><input name=p></form>")]
    [InlineData("<object data=\"x.swf\"></object><embed src=\"x.swf\">")]
    [InlineData("<scr<script>ipt>alert(1)</script>")]
    public void Nothing_that_runs_reaches_a_reader(string markdown)
    {
        var html = LessonHtml.Render(markdown).ToLowerInvariant();

        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("onerror", html);
        Assert.DoesNotContain("onload", html);
        Assert.DoesNotContain("onclick", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.DoesNotContain("evil.example", html);
        Assert.DoesNotContain("<object", html);
        Assert.DoesNotContain("<embed", html);
        Assert.DoesNotContain("style=", html);
    }

    [Fact]
    public void Markdown_renders_headings_emphasis_lists_tables_and_links()
    {
        var html = LessonHtml.Render("# Net present value\n\nMoney *today* is worth **more**.\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[docs](https://example.org/npv)");

        Assert.Contains("<h1", html);
        Assert.Contains("<em>today</em>", html);
        Assert.Contains("<strong>more</strong>", html);
        Assert.Contains("<li>one</li>", html);
        Assert.Contains("<table>", html);
        Assert.Contains("href=\"https://example.org/npv\"", html);
        Assert.Contains("rel=\"noopener noreferrer nofollow\"", html);
    }

    [Fact]
    public void Only_frames_of_known_video_players_are_kept()
    {
        var html = LessonHtml.Render(
            "<iframe src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\"></iframe>\n\n<iframe src=\"https://player.vimeo.com.evil.example/video/1\"></iframe>");

        Assert.Contains("src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\"", html);
        Assert.Contains("sandbox=", html);
        Assert.DoesNotContain("evil.example", html);
    }

    [Fact]
    public void No_body_renders_as_nothing() => Assert.Equal(string.Empty, LessonHtml.Render(null));
}
