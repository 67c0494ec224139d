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
    /// Issue 13, scenario 4: on the demo course (imported as ./mooc up does, through the public API, placed so that
    /// today is course day 150), the trainer dashboard shows the same enrolled/active/completed figures and the same
    /// at-risk learners as <c>GET /api/courses/oulad-bbb-2013j/analytics</c>. Also writes the README's screenshots:
    /// that dashboard, and the home of the demo learner who declared study windows and has a plan.
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

            // In the present the 7-day window moves while the test runs: a statement may leave it between the API's
            // answer and the page's, so a mismatch is read again (at most twice) before it counts.
            System.Text.Json.JsonElement analytics = default;
            for (var attempt = 1; ; attempt++)
            {
                analytics = await Seed.GetAsync(web, $"/api/courses/{DemoCourse}/analytics");
                await page.GotoAsync($"/trainer/courses/{DemoCourse}");
                await Expect(page.Locator("[data-testid=at-risk]")).ToBeVisibleAsync(new() { Timeout = 60_000 });
                var shownActive = (await page.Locator("[data-testid=figure-active]").InnerTextAsync()).Trim();
                if (shownActive == Figure("active7d") || attempt == 3)
                {
                    break;
                }
            }

            string Figure(string name) => analytics.GetProperty(name).GetInt32().ToString(CultureInfo.InvariantCulture);
            await Expect(page.Locator("[data-testid=figure-enrolled]")).ToHaveTextAsync(Figure("enrolled"));
            await Expect(page.Locator("[data-testid=figure-active]")).ToHaveTextAsync(Figure("active7d"));
            await Expect(page.Locator("[data-testid=figure-completed]")).ToHaveTextAsync(Figure("completed"));
            Assert.True(analytics.GetProperty("enrolled").GetInt32() > 100);
            Assert.True(analytics.GetProperty("active7d").GetInt32() > 0, "the time-shifted demo has learners active this week");

            var expected = analytics.GetProperty("atRisk").EnumerateArray().Select(r => r.GetProperty("learnerId").GetString()!).Order(StringComparer.Ordinal).ToList();
            Assert.NotEmpty(expected);
            // The table is in the prerendered page and rendered again when the circuit starts: wait for its rows.
            await Expect(page.Locator("[data-testid=at-risk] td[data-learner]")).ToHaveCountAsync(expected.Count, new() { Timeout = 60_000 });
            var shown = (await page.Locator("[data-testid=at-risk] td[data-learner]").AllInnerTextsAsync()).Select(t => t.Trim()).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(expected, shown);

            // The trend (eight more analytics reads) and the last activity of each learner at risk.
            await Expect(page.Locator("[data-testid=trend] [role=img]")).ToBeVisibleAsync(new() { Timeout = 60_000 });
            Assert.NotEmpty(await page.Locator("[data-testid=at-risk] td[data-last-activity]").AllInnerTextsAsync());
            Assert.Contains(
                (await page.Locator("[data-testid=at-risk] td[data-last-activity]").AllInnerTextsAsync()).Select(t => t.Trim()),
                t => t.Length == 10 && t[4] == '-');
            await Browser.AssertAccessibleAsync(page, "trainer dashboard");
            await Browser.ScreenshotAsync(page, "trainer-dashboard.png");

            var csv = await page.APIRequest.GetAsync($"/trainer/courses/{DemoCourse}/at-risk.csv");
            Assert.True(csv.Ok, csv.StatusText);
            var lines = (await csv.TextAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal("learnerId,riskOfWithdrawing,riskOfFailingOrWithdrawing,lastActivity,reasons", lines[0]);
            Assert.Equal(expected, lines.Skip(1).Select(l => l.Split(',')[0]).Order(StringComparer.Ordinal).ToList());
        });

        await using var learnerContext = await web.NewContextAsync(width: 1280, height: 1000);
        var learnerPage = await learnerContext.NewPageAsync();
        await Browser.DiagnoseAsync(web, learnerPage, "demo-learner", async () =>
        {
            await Browser.SignInAsync(learnerPage, learner, (await File.ReadAllTextAsync(passwordFile)).Trim());
            await learnerPage.GotoAsync("/home");
            await Browser.WaitInteractiveAsync(learnerPage);
            await Expect(learnerPage.Locator("[data-testid=recommendations] li").First).ToBeVisibleAsync(new() { Timeout = 30_000 });

            // The one plan across courses, inside the windows the demo learner declared.
            var plan = await Seed.GetAsync(web, $"/api/learners/{learner}/plan");
            var planned = plan.GetProperty("sessions").EnumerateArray().Count(s => s.GetProperty("status").GetString() == "planned"
                && s.GetProperty("start").GetDateTimeOffset() < DateTimeOffset.UtcNow.AddDays(6));
            Assert.True(planned > 0, "the demo learner has sessions planned this week: " + plan);
            await Expect(learnerPage.Locator("[data-testid=learner-plan] [data-testid=plan-session]").First).ToBeVisibleAsync();
            await Expect(learnerPage.Locator("[data-testid=learner-plan-explanation]")).ToHaveTextAsync(plan.GetProperty("explanation").GetString()!);
            await Browser.AssertAccessibleAsync(learnerPage, "learner home with a plan");
            await Browser.ScreenshotAsync(learnerPage, "learner-home.png");

            var ics = await learnerPage.APIRequest.GetAsync("/my/plan.ics");
            Assert.True(ics.Ok, ics.StatusText);
            Assert.Contains("BEGIN:VEVENT", await ics.TextAsync(), StringComparison.Ordinal);
        });
        File.Delete(passwordFile);
    }

    /// <summary>The demo import of ./mooc up (scripts/up.sh, today = course day 150), run against the test platform; returns the demo learner's id.</summary>
    private async Task<string> ImportDemoAsync(string passwordFile)
    {
        var root = WebPlatform.RepositoryRoot().FullName;
        var stateFile = Path.Combine(Path.GetTempPath(), $"demo-{Guid.NewGuid():N}.json");
        var learnerFile = Path.Combine(Path.GetTempPath(), $"demo-{Guid.NewGuid():N}.id");
        var info = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                WebPlatform.Locate("tools", "AdaptiveMooc.Tools"), "import", "oulad", "--dir", Path.Combine(root, "data", "oulad-demo"),
                "--presentation", "BBB-2013J", "--api", web.Platform.BaseAddress.ToString().TrimEnd('/'), "--key-file", web.Platform.AdminKeyPath,
                "--public-base", WebPlatform.ApiPublicBase, "--learner-password-file", passwordFile, "--no-validate",
                "--today-is-day", "150", "--state", stateFile, "--demo-learner-file", learnerFile,
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

        // The learner the importer gave study windows to, as up.sh shows it.
        var learner = (await File.ReadAllTextAsync(learnerFile)).Trim();
        File.Delete(learnerFile);
        File.Delete(stateFile);
        Assert.StartsWith("oulad-", learner, StringComparison.Ordinal);
        return learner;
    }
}
