using AdaptiveMooc.Web.Api;
using AdaptiveMooc.Web.Components.Shared;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace AdaptiveMooc.Web.Tests.Components;

/// <summary>The lesson page's cmi5 launcher: AU states, the launch URL in a frame or its own window, "done" read from the platform.</summary>
public sealed class Cmi5LauncherTests
{
    private static readonly Guid Registration = Guid.NewGuid();

    private static BunitContext MudContext()
    {
        var context = new BunitContext();
        context.Services.AddMudServices();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        return context;
    }

    private static Cmi5LessonStatus Status(bool launched, bool satisfied) => new("finance", "c5", Registration, satisfied,
        [new Cmi5AuStatus("au-1", "Intro to NPV", "CompletedAndPassed", launched, satisfied, satisfied, false, false, satisfied)]);

    private static Cmi5Launch Launch(string method) => new(
        "https://api.example/api/cmi5-content/finance/abc/123.sig/index.html?endpoint=x&fetch=y", "au-1", "https://example.org/au-1",
        Registration, Guid.NewGuid(), method, "CompletedAndPassed", 0.8);

    [Fact]
    public async Task An_AnyWindow_AU_launches_in_a_frame_and_done_comes_from_the_platform()
    {
        await using var context = MudContext();
        var launchedAus = new List<string>();
        var current = Status(launched: false, satisfied: false);
        var satisfiedCalls = 0;
        var cut = context.Render<Cmi5Launcher>(p => p
            .Add(x => x.Launch, au => { launchedAus.Add(au); current = Status(launched: true, satisfied: false); return Task.FromResult(Launch("AnyWindow")); })
            .Add(x => x.Status, () => Task.FromResult(current))
            .Add(x => x.OnSatisfied, () => satisfiedCalls++));

        Assert.Contains("not started", cut.Find("[data-testid=cmi5-au]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=cmi5-frame]"));

        await cut.Find("[data-testid=cmi5-au] button").ClickAsync(new());
        Assert.Equal(["au-1"], launchedAus);
        Assert.Equal(Launch("AnyWindow").Url, cut.Find("[data-testid=cmi5-frame]").GetAttribute("src"));
        Assert.Equal(Launch("AnyWindow").Url, cut.Find("[data-testid=cmi5-open]").GetAttribute("href"));
        Assert.Contains("started", cut.Find("[data-testid=cmi5-au]").TextContent, StringComparison.Ordinal);
        Assert.Equal(0, satisfiedCalls);

        current = Status(launched: true, satisfied: true);
        await cut.FindAll("button").Single(b => b.TextContent.Contains("Check again", StringComparison.Ordinal)).ClickAsync(new());
        Assert.Equal(1, satisfiedCalls);
        Assert.Contains("done", cut.Find("[data-testid=cmi5-au]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Every part of this activity is done", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_OwnWindow_AU_gets_a_link_and_no_frame()
    {
        await using var context = MudContext();
        var cut = context.Render<Cmi5Launcher>(p => p
            .Add(x => x.Launch, _ => Task.FromResult(Launch("OwnWindow")))
            .Add(x => x.Status, () => Task.FromResult(Status(launched: false, satisfied: false))));

        await cut.Find("[data-testid=cmi5-au] button").ClickAsync(new());
        Assert.Empty(cut.FindAll("[data-testid=cmi5-frame]"));
        Assert.Equal("_blank", cut.Find("[data-testid=cmi5-open]").GetAttribute("target"));
    }
}
