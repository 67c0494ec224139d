using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace AdaptiveMooc.Web.Tests;

/// <summary>What the scenarios do in the browser, as a person would: through labels, buttons and links.</summary>
internal static class Browser
{
    public static async Task SignInAsync(IPage page, string username, string password)
    {
        await page.GotoAsync("/signin");
        await page.FillAsync("#username", username);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button:has-text('Sign in')");
        await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal) && !url.Contains("after-signin", StringComparison.Ordinal));
    }

    /// <summary>Fills a MudBlazor text field and leaves it, so its value binds (MudBlazor binds on change).</summary>
    public static async Task TypeAsync(IPage page, string selector, string value)
    {
        await page.FillAsync(selector, value);
        await page.PressAsync(selector, "Tab");
    }

    /// <summary>The interactive circuit is up (the page reacts to clicks), not only the prerendered HTML.</summary>
    public static Task WaitInteractiveAsync(IPage page) =>
        page.Locator("[data-interactive]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    /// <summary>axe finds no violation of impact serious or critical.</summary>
    public static async Task AssertAccessibleAsync(IPage page, string what)
    {
        // Checked on the live page: while the circuit starts, the head is briefly re-rendered.
        await WaitInteractiveAsync(page);
        await page.WaitForFunctionAsync("() => document.title.length > 0");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var result = await page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(
            bad.Count == 0,
            $"{what}: " + string.Join("\n", bad.Select(v => $"{v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))}")));
    }

    /// <summary>Runs a scenario; on failure keeps what the page showed (test-results) to explain it.</summary>
    public static async Task DiagnoseAsync(WebPlatform web, IPage page, string name, Func<Task> scenario)
    {
        try
        {
            await scenario();
        }
        catch
        {
            var folder = Path.Combine(WebPlatform.RepositoryRoot().FullName, ".data", "test-results", "web");
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
            await File.WriteAllTextAsync(Path.Combine(folder, name + ".txt"), page.Url + "\n" + await page.InnerTextAsync("body") + "\n---- web log\n" + web.WebLog);
            throw;
        }
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(WebPlatform.RepositoryRoot().FullName, "docs", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name), FullPage = false });
    }
}
