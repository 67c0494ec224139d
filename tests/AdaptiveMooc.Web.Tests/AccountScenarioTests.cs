using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AdaptiveMooc.Web.Tests;

[Collection(WebCollection.Name)]
public sealed class AccountScenarioTests(WebPlatform web)
{
    /// <summary>
    /// Issue 15: a learner edits their name, switches a mail category off, prepares and downloads their data,
    /// and deletes their account (after confirming), all through the web app's account pages.
    /// </summary>
    [Fact]
    public async Task Learner_edits_the_profile_mail_settings_exports_and_deletes_the_account()
    {
        var learner = Seed.Id("acct");
        await Seed.LearnerAsync(web, learner);

        await using var context = await web.NewContextAsync();
        var page = await context.NewPageAsync();
        await Browser.DiagnoseAsync(web, page, "account", async () =>
        {
            await Browser.SignInAsync(page, learner, Seed.Password);

            await page.GotoAsync("/account");
            await page.FillAsync("#name", "Renamed Learner");
            await page.ClickAsync("button:has-text('Save the name')");
            await Expect(page.Locator("[data-testid=account-message]")).ToContainTextAsync("saved");
            Assert.Equal("Renamed Learner", (await Seed.GetAsync(web, $"/api/learners/{learner}")).GetProperty("name").GetString());

            await page.GotoAsync("/account/mail");
            await page.UncheckAsync("#mail-forum");
            await page.ClickAsync("button:has-text('Save')");
            await Expect(page.Locator("[data-testid=mail-saved]")).ToBeVisibleAsync();
            await Expect(page.Locator("#mail-forum")).Not.ToBeCheckedAsync();
            await Expect(page.Locator("#mail-reminders")).ToBeCheckedAsync();

            await page.GotoAsync("/account/export");
            await page.ClickAsync("button:has-text('Prepare a new download')");
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!await page.GetByText("download the zip").IsVisibleAsync())
            {
                Assert.True(DateTime.UtcNow < deadline, "the export was not ready within 60 s");
                await page.WaitForTimeoutAsync(500);
                if (await page.GetByRole(AriaRole.Link, new() { Name = "reload" }).IsVisibleAsync())
                {
                    await page.GetByRole(AriaRole.Link, new() { Name = "reload" }).ClickAsync();
                }
            }

            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByText("download the zip").ClickAsync());
            Assert.EndsWith(".zip", download.SuggestedFilename, StringComparison.Ordinal);

            await page.GotoAsync("/account/delete");
            await page.FillAsync("#password", Seed.Password);
            await page.ClickAsync("button:has-text('Delete my account')");
            await Expect(page.GetByText("Tick the box to confirm.")).ToBeVisibleAsync();
            await page.FillAsync("#password", Seed.Password);
            await page.CheckAsync("#confirm");
            await page.ClickAsync("button:has-text('Delete my account')");
            await page.WaitForURLAsync("**/?deleted=1");
        });

        using var client = new HttpClient { BaseAddress = web.Platform.BaseAddress };
        var token = await client.PostAsJsonAsync("/api/auth/token", new { username = learner, password = Seed.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, token.StatusCode);
    }
}
