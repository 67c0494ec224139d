using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AdaptiveMooc.Web.Tests;

[Collection(WebCollection.Name)]
public sealed class CertificateScenarioTests(WebPlatform web)
{
    /// <summary>
    /// Issue 13, scenario 2: a learner meets the certificate rule, finds the certificate, and the public verification
    /// page says valid; after the trainer revokes it in the dashboard, it says revoked.
    /// </summary>
    [Fact]
    public async Task Certificate_is_found_valid_then_revoked_by_the_trainer()
    {
        var trainer = Seed.Id("tc");
        var courseId = Seed.Id("cert");
        var learner = Seed.Id("lc");
        await Seed.TrainerAsync(web, trainer);
        await Seed.CourseAsync(web, courseId, trainer, lessons: 1);
        await Seed.LearnerAsync(web, learner);
        await Seed.EnrolAsync(web, learner, courseId);

        await using var context = await web.NewContextAsync();
        var page = await context.NewPageAsync();
        await Browser.DiagnoseAsync(web, page, "certificate", async () =>
        {
            await Browser.SignInAsync(page, learner, Seed.Password);
            await page.GotoAsync($"/learn/{courseId}/lessons/l1");
            await Browser.WaitInteractiveAsync(page);
            await page.ClickAsync("button:has-text('Mark as done')");
            await Expect(page.Locator("[data-testid=lesson-state]")).ToContainTextAsync("Done.");

            await page.GotoAsync($"/learn/{courseId}");
            await Browser.WaitInteractiveAsync(page);
            await page.ClickAsync("button:has-text('Check my certificate')");
            await Expect(page.Locator("[data-testid=certificate-claim]")).ToContainTextAsync("is issued");

            await page.GotoAsync("/my/certificates");
            var item = page.Locator("[data-testid=certificates] li").First;
            await Expect(item).ToContainTextAsync(courseId);
            var certificateId = await item.GetAttributeAsync("data-certificate");
            Assert.NotNull(certificateId);

            // The public page, as anyone would open the shared link: no session.
            await using var visitorContext = await web.NewContextAsync();
            var visitor = await visitorContext.NewPageAsync();
            await visitor.GotoAsync($"/certificates/{certificateId}");
            await Expect(visitor.Locator("[data-status=valid]")).ToContainTextAsync("Valid");

            await using var trainerContext = await web.NewContextAsync();
            var trainerPage = await trainerContext.NewPageAsync();
            await Browser.SignInAsync(trainerPage, trainer, Seed.Password);
            await trainerPage.GotoAsync($"/trainer/courses/{courseId}");
            await Browser.WaitInteractiveAsync(trainerPage);
            await Browser.TypeAsync(trainerPage, "#revoke-id", certificateId!);
            await Browser.TypeAsync(trainerPage, "#revoke-reason", "issued by mistake");
            await trainerPage.ClickAsync("button:has-text('Revoke')");
            await Expect(trainerPage.Locator("[data-testid=action-ok]")).ToContainTextAsync("is revoked");

            await visitor.ReloadAsync();
            await Expect(visitor.Locator("[data-status=revoked]")).ToContainTextAsync("Revoked");
            await Expect(visitor.GetByText("issued by mistake")).ToBeVisibleAsync();
        });
    }
}
