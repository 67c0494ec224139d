using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AdaptiveMooc.Web.Tests;

[Collection(WebCollection.Name)]
public sealed class AdminScenarioTests(WebPlatform web)
{
    /// <summary>Issue 13, scenario 5: an admin creates an API key and sees it once.</summary>
    [Fact]
    public async Task Admin_creates_an_api_key_and_sees_it_once()
    {
        await using var context = await web.NewContextAsync();
        var page = await context.NewPageAsync();
        await Browser.DiagnoseAsync(web, page, "admin", async () =>
        {
            await page.GotoAsync("/signin");
            await page.ClickAsync("summary:has-text('Administrators')");
            await page.FillAsync("#adminKey", web.Platform.AdminKey);
            await page.ClickAsync("button:has-text('Sign in as admin')");
            await page.WaitForURLAsync("**/admin");
            await Browser.WaitInteractiveAsync(page);
            await Expect(page.Locator("[data-testid=health]")).ToContainTextAsync("healthy");

            var name = Seed.Id("lrs");
            await Browser.TypeAsync(page, "#key-name", name);
            await page.GetByLabel("statements:read").CheckAsync();
            await page.ClickAsync("button:has-text('Create key')");
            var shown = page.Locator("[data-testid=new-key-value]");
            await Expect(shown).ToBeVisibleAsync();
            var key = await shown.InnerTextAsync();
            Assert.StartsWith("mk_", key, StringComparison.Ordinal);

            // The key works against the API...
            using (var client = new HttpClient { BaseAddress = web.Platform.BaseAddress })
            {
                client.DefaultRequestHeaders.Add("X-Api-Key", key);
                client.DefaultRequestHeaders.Add("X-Experience-API-Version", "1.0.3");
                using var response = await client.GetAsync(new Uri("/xapi/statements?limit=1", UriKind.Relative));
                Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}");
            }

            // ...and is never shown again: after a reload only its id is listed.
            await page.ReloadAsync();
            await Browser.WaitInteractiveAsync(page);
            await Expect(page.Locator("[data-testid=keys]")).ToContainTextAsync(name);
            await Expect(page.Locator("[data-testid=new-key-value]")).ToHaveCountAsync(0);
            Assert.DoesNotContain(key, await page.ContentAsync(), StringComparison.Ordinal);

            // The audit log, filtered by the API: the key's creation by its target, then a target nobody touched.
            var keyId = key.Split('_')[1];
            await Browser.TypeAsync(page, "#audit-target", $"apiKey:{keyId}");
            await page.ClickAsync("button:has-text('Show entries')");
            await Expect(page.Locator("[data-testid=audit] tbody tr")).ToHaveCountAsync(1);
            await Expect(page.Locator("[data-testid=audit] tbody tr")).ToContainTextAsync("apiKey.create");
            await Browser.TypeAsync(page, "#audit-target", "apiKey:nobody");
            await page.ClickAsync("button:has-text('Show entries')");
            await Expect(page.Locator("[data-testid=audit-empty]")).ToBeVisibleAsync();

            // Trainers: one added through the form is listed at once, with its e-mail.
            var trainerId = Seed.Id("tr");
            await Browser.TypeAsync(page, "#trainer-id", trainerId);
            await Browser.TypeAsync(page, "#trainer-name", "Ada Trainer");
            await Browser.TypeAsync(page, "#trainer-email", $"{trainerId}@example.org");
            await Browser.TypeAsync(page, "#trainer-password", "a long passphrase 42");
            await page.ClickAsync("button:has-text('Add trainer')");
            await Expect(page.Locator("text=can now sign in")).ToBeVisibleAsync();
            var listed = page.Locator("[data-testid=trainer-list]").GetByText($"{trainerId}@example.org");
            while (await listed.CountAsync() == 0 && await page.Locator("button:has-text('More trainers')").CountAsync() > 0)
            {
                await page.ClickAsync("button:has-text('More trainers')");
            }

            await Expect(listed).ToBeVisibleAsync();
        });
    }
}
