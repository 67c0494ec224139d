using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AdaptiveMooc.Web.Tests;

[Collection(WebCollection.Name)]
public sealed class PaymentScenarioTests(WebPlatform web)
{
    /// <summary>
    /// Issue 15: with no Stripe key (as here), a learner requests an order for a paid course from its page, the
    /// provider's admin marks it paid on the provider page, and the course page then says the learner has
    /// access; a second learner gets in with a voucher code.
    /// </summary>
    [Fact]
    public async Task A_manual_order_marked_paid_by_the_provider_and_a_voucher_both_open_a_paid_course()
    {
        var providerAdmin = Seed.Id("pa");
        var providerId = Seed.Id("prov");
        var courseId = Seed.Id("paid");
        var buyer = Seed.Id("lb");
        var sponsored = Seed.Id("lv");
        await Seed.TrainerAsync(web, providerAdmin);
        using (var admin = web.Platform.Client())
        {
            using var provider = await admin.PostAsJsonAsync("/api/providers", new
            {
                id = providerId, name = "Academy of Tests", website = "https://academy.example.org", country = "FR",
                accreditationStatement = "Registered training body", accreditationAuthority = "Ministry of Labour", adminTrainerId = providerAdmin,
            });
            Assert.True(provider.IsSuccessStatusCode, await provider.Content.ReadAsStringAsync());
            using var course = await admin.PostAsJsonAsync("/api/courses", new
            {
                id = courseId, title = $"Course {courseId}", field = "testing", description = "Paid.", language = "en",
                pricing = new { kind = "paid", price = 49, currency = "EUR" }, certificate = new { kind = "certificate", passThreshold = 0.5 },
                ownerTrainerId = providerAdmin, providerId,
                modules = new[] { new { id = "m1", title = "Basics", lessons = new[] { new { id = "l1", title = "Lesson 1", kind = "video", minutes = 30, skills = new[] { "basics" }, prerequisites = Array.Empty<string>(), required = true, contentUrl = "https://example.org/video" } } } },
            });
            Assert.True(course.IsSuccessStatusCode, await course.Content.ReadAsStringAsync());
            (await admin.PostAsync(new Uri($"/api/courses/{courseId}/publish", UriKind.Relative), null)).EnsureSuccessStatusCode();
        }

        await Seed.LearnerAsync(web, buyer);
        await Seed.LearnerAsync(web, sponsored);

        await using var learnerContext = await web.NewContextAsync();
        var page = await learnerContext.NewPageAsync();
        await Browser.DiagnoseAsync(web, page, "payment-buy", async () =>
        {
            await Browser.SignInAsync(page, buyer, Seed.Password);
            await page.GotoAsync($"/courses/{courseId}");
            await Browser.WaitInteractiveAsync(page);
            await page.ClickAsync("button:has-text('Buy for 49.00 EUR')");
            await Expect(page.Locator(".buy-manual")).ToContainTextAsync("waiting for payment");
            await Browser.AssertAccessibleAsync(page, "course page with a pending order");
        });

        await using var providerContext = await web.NewContextAsync();
        var providerPage = await providerContext.NewPageAsync();
        await Browser.DiagnoseAsync(web, providerPage, "payment-provider", async () =>
        {
            await Browser.SignInAsync(providerPage, providerAdmin, Seed.Password);
            await providerPage.GotoAsync($"/providers/{providerId}");
            await Browser.WaitInteractiveAsync(providerPage);
            await Expect(providerPage.Locator("tr.pending-order")).ToHaveCountAsync(1);
            await Browser.AssertAccessibleAsync(providerPage, "provider page");
            await providerPage.Locator("tr.pending-order input").FillAsync("SEPA-2026-7");
            await providerPage.ClickAsync("button:has-text('Mark paid')");
            await Expect(providerPage.Locator(".no-pending")).ToBeVisibleAsync();
        });

        await Browser.DiagnoseAsync(web, page, "payment-access", async () =>
        {
            await page.GotoAsync($"/courses/{courseId}");
            await Browser.WaitInteractiveAsync(page);
            await Expect(page.Locator(".buy-access")).ToContainTextAsync("You have access");
        });

        string code;
        using (var providerApi = web.Platform.Client())
        {
            using var batch = await providerApi.PostAsJsonAsync($"/api/providers/{providerId}/vouchers", new { courseId, seats = 1, expiresAt = DateTimeOffset.UtcNow.AddDays(7) });
            var created = await batch.Content.ReadFromJsonAsync<JsonElement>();
            code = created.GetProperty("vouchers")[0].GetProperty("code").GetString()!;
        }

        await using var sponsoredContext = await web.NewContextAsync();
        var sponsoredPage = await sponsoredContext.NewPageAsync();
        await Browser.DiagnoseAsync(web, sponsoredPage, "payment-voucher", async () =>
        {
            await Browser.SignInAsync(sponsoredPage, sponsored, Seed.Password);
            await sponsoredPage.GotoAsync($"/courses/{courseId}");
            await Browser.WaitInteractiveAsync(sponsoredPage);
            var field = sponsoredPage.GetByLabel("Voucher code");
            await field.FillAsync(code);
            await field.PressAsync("Tab");
            await sponsoredPage.ClickAsync("button:has-text('Redeem')");
            await Expect(sponsoredPage.Locator(".buy-access")).ToContainTextAsync("You have access");
        });
    }
}
