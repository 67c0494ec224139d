using System.Text.Json;
using AdaptiveMooc.Web.Api;
using AdaptiveMooc.Web.Components.Shared;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace AdaptiveMooc.Web.Tests.Components;

/// <summary>The lesson page's content (body, media, outside players, player events) and the editor's lesson content fields.</summary>
public sealed class LessonContentTests
{
    private const string Media = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static BunitContext MudContext()
    {
        var context = new BunitContext();
        context.Services.AddMudServices();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        return context;
    }

    private static LessonContent Content(string kind = "video", string html = "", MediaLink? media = null, string? url = null, string? embed = null) =>
        new("finance", "l1", 2, "Time value", kind, 20, html, media, url, embed);

    private static MediaLink Link(string type) =>
        new(Media, type, 1000, $"/api/media/finance/{Media}?u=learner:ada&e=1&s=x", $"http://api.example/api/media/finance/{Media}?u=learner:ada&e=1&s=x", DateTimeOffset.UtcNow.AddMinutes(15));

    [Fact]
    public async Task A_course_video_plays_through_its_signed_link_and_reports_player_events()
    {
        await using var context = MudContext();
        var events = new List<PlayerEvent>();
        var cut = context.Render<LessonMedia>(p => p
            .Add(x => x.Content, Content(media: Link("video/mp4")))
            .Add(x => x.OnPlayerEvent, e => events.Add(e)));

        var video = cut.Find("[data-testid=lesson-video]");
        Assert.Equal(Link("video/mp4").Url, video.GetAttribute("src"));
        Assert.Contains(context.JSInterop.Invocations, i => i.Identifier == "import" && Equals(i.Arguments[0], "./js/player.js"));

        await cut.InvokeAsync(() => cut.Instance.OnPlayerEventAsync("paused", 61.5, 600, 0.1, "0.000[.]61.500", 61.5));
        await cut.InvokeAsync(() => cut.Instance.OnPlayerEventAsync("volumechange", 1, 600, 0.1, "", 0));
        var reported = Assert.Single(events);
        Assert.Equal(new PlayerEvent("paused", 61.5, 600, 0.1, "0.000[.]61.500", 61.5), reported);
    }

    [Theory]
    [InlineData("audio/mpeg", "lesson-audio")]
    [InlineData("application/pdf", "lesson-pdf")]
    [InlineData("image/png", "lesson-image")]
    public async Task Each_media_type_gets_its_element(string type, string testId)
    {
        await using var context = MudContext();
        var cut = context.Render<LessonMedia>(p => p.Add(x => x.Content, Content(media: Link(type))));

        Assert.Equal(Link(type).Url, cut.Find($"[data-testid={testId}]").GetAttribute("src"));
    }

    [Fact]
    public async Task An_outside_video_is_framed_by_its_player_and_another_page_is_a_link()
    {
        await using var context = MudContext();
        var framed = context.Render<LessonMedia>(p => p.Add(x => x.Content,
            Content(url: "https://youtu.be/dQw4w9WgXcQ", embed: "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")));
        var frame = framed.Find("[data-testid=lesson-embed]");
        Assert.Equal("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", frame.GetAttribute("src"));
        Assert.Contains("allow-scripts", frame.GetAttribute("sandbox"), StringComparison.Ordinal);
        Assert.Empty(framed.FindAll("a[href='https://youtu.be/dQw4w9WgXcQ']"));

        var linked = context.Render<LessonMedia>(p => p.Add(x => x.Content, Content(kind: "reading", url: "https://example.org/article")));
        Assert.Equal("https://example.org/article", linked.Find("a").GetAttribute("href"));
        Assert.Empty(linked.FindAll("iframe"));
    }

    [Fact]
    public async Task The_apis_sanitised_body_is_shown_as_html()
    {
        await using var context = MudContext();
        var cut = context.Render<LessonMedia>(p => p.Add(x => x.Content, Content(kind: "reading", html: "<h1>NPV</h1><p>Money <em>today</em>.</p>")));

        Assert.Equal("NPV", cut.Find("[data-testid=lesson-body] h1").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=lesson-media]"));
    }

    [Fact]
    public async Task The_editor_previews_the_body_through_the_api_and_keeps_what_was_typed()
    {
        await using var context = MudContext();
        context.Render<MudPopoverProvider>();
        var lesson = new CourseDraft.LessonDraft { Id = "l1", Title = "Reading", Kind = "reading", Body = "# Hello *there*" };
        var asked = new List<string>();
        var cut = context.Render<LessonContentEditor>(p => p
            .Add(x => x.Lesson, lesson).Add(x => x.Path, "modules[0].lessons[0]").Add(x => x.Prefix, "lesson-0-0")
            .Add(x => x.Preview, markdown => { asked.Add(markdown); return Task.FromResult("<h1>Hello <em>there</em></h1>"); }));

        Assert.Contains("Save the course first", cut.Markup, StringComparison.Ordinal);
        cut.FindAll("button").First(b => b.TextContent.Contains("Preview", StringComparison.Ordinal)).Click();

        Assert.Equal(["# Hello *there*"], asked);
        Assert.Equal("there", cut.Find("[data-testid=lesson-0-0-preview] em").TextContent);
        Assert.Equal("# Hello *there*", lesson.Body);
    }

    [Fact]
    public void The_course_draft_keeps_a_lessons_body_and_file()
    {
        var draft = new CourseDraft { Id = "c1", Title = "T", Field = "f" };
        draft.Modules[0].Lessons[0] = new CourseDraft.LessonDraft { Id = "l1", Title = "L", Kind = "reading", Body = "# Body", MediaId = Media };

        var lesson = Assert.Single(Assert.Single(draft.ToBody().Modules).Lessons!);
        Assert.Equal(("# Body", Media), (lesson.Body, lesson.MediaId));
        var course = new Course("c1", "T", "f", null, "en", new Pricing("free"), null, null, draft.ToBody().Modules, true, null, "t", [], 1);
        Assert.Equal("# Body", CourseDraft.From(course).Modules[0].Lessons[0].Body);
        Assert.Equal(Media, CourseDraft.From(course).Modules[0].Lessons[0].MediaId);
    }

    [Fact]
    public void Player_statements_use_the_video_profile_and_the_ended_event_is_completed_with_its_watched_share()
    {
        var at = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        var played = Json(PlayerStatements.Media("http://api.example/", "ada", "finance", "l1", "played", 0, 600, 0, "", 0, at));
        Assert.Equal("https://w3id.org/xapi/video/verbs/played", played.GetProperty("verb").GetProperty("id").GetString());
        Assert.Equal("http://api.example/courses/finance/lessons/l1", played.GetProperty("object").GetProperty("id").GetString());
        Assert.False(played.GetProperty("result").TryGetProperty("duration", out _));
        Assert.Equal(600, played.GetProperty("context").GetProperty("extensions").GetProperty("https://w3id.org/xapi/video/extensions/length").GetDouble());

        var ended = Json(PlayerStatements.Media("http://api.example", "ada", "finance", "l1", "ended", 600, 600, 0.93, "0.000[.]558.000", 120, at));
        Assert.Equal("http://adlnet.gov/expapi/verbs/completed", ended.GetProperty("verb").GetProperty("id").GetString());
        var extensions = ended.GetProperty("result").GetProperty("extensions");
        Assert.Equal(0.93, extensions.GetProperty("https://w3id.org/xapi/video/extensions/progress").GetDouble());
        Assert.Equal("0.000[.]558.000", extensions.GetProperty("https://w3id.org/xapi/video/extensions/played-segments").GetString());
        Assert.Equal("PT120S", ended.GetProperty("result").GetProperty("duration").GetString());

        var reading = Json(PlayerStatements.Reading("http://api.example", "ada", "finance", "l3", TimeSpan.FromMinutes(7), at));
        Assert.Equal("http://adlnet.gov/expapi/verbs/experienced", reading.GetProperty("verb").GetProperty("id").GetString());
        Assert.Equal("PT420S", reading.GetProperty("result").GetProperty("duration").GetString());
    }

    private static JsonElement Json(object statement) => JsonSerializer.SerializeToElement(statement, MoocApi.Json);
}
