using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AdaptiveMooc.Web.Tests;

[Collection(WebCollection.Name)]
public sealed class DemoDashboardTests(WebPlatform web)
{
    private const string DemoCourse = "oulad-bbb-2013j";

    /// <summary>
    /// Issue 13, scenario 4: on the demo course (imported as ./mooc up does, through the public API), the trainer
    /// dashboard shows the same enrolled/active/completed figures and the same at-risk learners as
    /// <c>GET /api/courses/oulad-bbb-2013j/analytics</c>. Also writes the README's screenshots.
    /// </summary>
    [Fact]
    public async Task Demo_dashboard_shows_the_figures_of_the_analytics_api()
    {
        var passwordFile = Path.Combine(Path.GetTempPath(), $"demo-{Guid.NewGuid():N}.password");
        var learner = await ImportDemoAsync(passwordFile);
        var trainer = Seed.Id("demo-t");
        await Seed.TrainerAsync(web, trainer);
        using (var admin = web.Platform.Client())
        {
            using var added = await admin.PostAsJsonAsync($"/api/courses/{DemoCourse}/trainers", new { trainerId = trainer });
            Assert.True(added.IsSuccessStatusCode, await added.Content.ReadAsStringAsync());
        }

        await using var context = await web.NewContextAsync(width: 1280, height: 1000);
        var page = await context.NewPageAsync();
        await Browser.DiagnoseAsync(web, page, "dashboard", async () =>
        {
            await Browser.SignInAsync(page, trainer, Seed.Password);
            await page.GotoAsync($"/trainer/courses/{DemoCourse}");
            await Expect(page.Locator("[data-testid=at-risk]")).ToBeVisibleAsync(new() { Timeout = 60_000 });
            var analytics = await Seed.GetAsync(web, $"/api/courses/{DemoCourse}/analytics");

            string Figure(string name) => analytics.GetProperty(name).GetInt32().ToString(CultureInfo.InvariantCulture);
            await Expect(page.Locator("[data-testid=figure-enrolled]")).ToHaveTextAsync(Figure("enrolled"));
            await Expect(page.Locator("[data-testid=figure-active]")).ToHaveTextAsync(Figure("active7d"));
            await Expect(page.Locator("[data-testid=figure-completed]")).ToHaveTextAsync(Figure("completed"));
            Assert.True(analytics.GetProperty("enrolled").GetInt32() > 100);

            var expected = analytics.GetProperty("atRisk").EnumerateArray().Select(r => r.GetProperty("learnerId").GetString()!).Order(StringComparer.Ordinal).ToList();
            Assert.NotEmpty(expected);
            var shown = (await page.Locator("[data-testid=at-risk] td[data-learner]").AllInnerTextsAsync()).Select(t => t.Trim()).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(expected, shown);

            await Browser.AssertAccessibleAsync(page, "trainer dashboard");
            await Browser.ScreenshotAsync(page, "trainer-dashboard.png");
        });

        await using var learnerContext = await web.NewContextAsync(width: 1280, height: 1000);
        var learnerPage = await learnerContext.NewPageAsync();
        await Browser.DiagnoseAsync(web, learnerPage, "demo-learner", async () =>
        {
            await Browser.SignInAsync(learnerPage, learner, (await File.ReadAllTextAsync(passwordFile)).Trim());
            await learnerPage.GotoAsync("/home");
            await Browser.WaitInteractiveAsync(learnerPage);
            await Expect(learnerPage.Locator("[data-testid=recommendations] li").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Browser.ScreenshotAsync(learnerPage, "learner-home.png");
        });
        File.Delete(passwordFile);
    }

    /// <summary>The demo import of ./mooc up (scripts/up.sh), run against the test platform; returns a demo learner's id.</summary>
    private async Task<string> ImportDemoAsync(string passwordFile)
    {
        var root = WebPlatform.RepositoryRoot().FullName;
        var info = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                WebPlatform.Locate("tools", "AdaptiveMooc.Tools"), "import", "oulad", "--dir", Path.Combine(root, "data", "oulad-demo"),
                "--presentation", "BBB-2013J", "--api", web.Platform.BaseAddress.ToString().TrimEnd('/'), "--key-file", web.Platform.AdminKeyPath,
                "--public-base", WebPlatform.ApiPublicBase, "--learner-password-file", passwordFile, "--no-validate",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"import failed ({process.ExitCode}):\n{await output}\n{await errors}");

        // As up.sh names it: the first registration of the demo data that never unregistered.
        var line = File.ReadLines(Path.Combine(root, "data", "oulad-demo", "studentRegistration.csv")).Skip(1)
            .Select(l => l.Split(','))
            .First(f => f.Length > 4 && f[4].Length == 0);
        return "oulad-" + line[2];
    }
}
