using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AdaptiveMooc.Web.Tests;

[Collection(WebCollection.Name)]
public sealed class TrainerScenarioTests(WebPlatform web)
{
    /// <summary>
    /// Issue 13, scenario 3: a trainer creates a course with a validation error first (shown beside the field,
    /// nothing lost in the form), fixes it, publishes it, and it appears in the public catalogue.
    /// </summary>
    [Fact]
    public async Task Trainer_fixes_a_validation_error_publishes_and_the_course_is_in_the_catalogue()
    {
        var trainer = Seed.Id("te");
        var courseId = Seed.Id("new");
        await Seed.TrainerAsync(web, trainer);

        await using var context = await web.NewContextAsync();
        var page = await context.NewPageAsync();
        await Browser.DiagnoseAsync(web, page, "trainer", async () =>
        {
            await Browser.SignInAsync(page, trainer, Seed.Password);
            await page.GotoAsync("/trainer/courses/new");
            await Browser.WaitInteractiveAsync(page);
            await Browser.TypeAsync(page, "#course-id", courseId);
            await Browser.TypeAsync(page, "#course-title", "Budgeting for beginners");
            await Browser.TypeAsync(page, "#course-field", "finance");
            await Browser.TypeAsync(page, "#course-description", "Plan a month of spending.");
            await Browser.TypeAsync(page, "#module-0-title", "First steps");
            await Browser.TypeAsync(page, "#lesson-0-0-id", "l1");
            await Browser.TypeAsync(page, "#lesson-0-0-title", "Where the money goes");
            await Browser.TypeAsync(page, "#lesson-0-0-minutes", "0");
            await Browser.TypeAsync(page, "#lesson-0-0-skills", "budgeting");
            await page.ClickAsync("button:has-text('Save')");

            // The API's error sits beside the minutes field, and everything typed is still there.
            var minutesField = page.Locator("#lesson-0-0-minutes").Locator("xpath=ancestor::div[contains(@class,'mud-grid-item')][1]");
            await Expect(minutesField.Locator(".field-error")).ToContainTextAsync("minutes must be between 1 and 1440");
            await Expect(page.Locator("[data-testid=save-error]")).ToBeVisibleAsync();
            await Expect(page.Locator("#course-title")).ToHaveValueAsync("Budgeting for beginners");
            await Expect(page.Locator("#lesson-0-0-title")).ToHaveValueAsync("Where the money goes");
            await Expect(page.Locator("#lesson-0-0-skills")).ToHaveValueAsync("budgeting");
            using (var admin = web.Platform.Client())
            {
                using var missing = await admin.GetAsync(new Uri($"/api/courses/{courseId}", UriKind.Relative));
                Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
            }

            await Browser.TypeAsync(page, "#lesson-0-0-minutes", "25");
            await page.ClickAsync("button:has-text('Save')");
            await page.WaitForURLAsync($"**/trainer/courses/{courseId}/edit*");
            await Browser.WaitInteractiveAsync(page);
            await page.ClickAsync("button:has-text('Publish')");
            await Expect(page.Locator("[data-testid=save-ok]")).ToContainTextAsync("Published");

            await using var visitorContext = await web.NewContextAsync();
            var visitor = await visitorContext.NewPageAsync();
            await visitor.GotoAsync("/");
            await Expect(visitor.GetByRole(AriaRole.Link, new() { Name = "Budgeting for beginners" })).ToBeVisibleAsync();
        });
    }

    /// <summary>A learner's session meets a clear page on trainer pages, not a crash; so does a trainer on another's course.</summary>
    [Fact]
    public async Task Trainer_pages_refuse_learners_and_other_trainers_with_a_clear_page()
    {
        var owner = Seed.Id("to");
        var stranger = Seed.Id("ts");
        var courseId = Seed.Id("priv");
        var learner = Seed.Id("lx");
        await Seed.TrainerAsync(web, owner);
        await Seed.TrainerAsync(web, stranger);
        await Seed.CourseAsync(web, courseId, owner, lessons: 1);
        await Seed.LearnerAsync(web, learner);

        await using var context = await web.NewContextAsync();
        var page = await context.NewPageAsync();
        await Browser.DiagnoseAsync(web, page, "access", async () =>
        {
            await Browser.SignInAsync(page, learner, Seed.Password);
            var response = await page.GotoAsync($"/trainer/courses/{courseId}");
            Assert.Equal(200, response!.Status);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This page is not for your account" })).ToBeVisibleAsync();
            await Expect(page.Locator("[data-testid=at-risk]")).ToHaveCountAsync(0);

            await using var otherContext = await web.NewContextAsync();
            var other = await otherContext.NewPageAsync();
            await Browser.SignInAsync(other, stranger, Seed.Password);
            await other.GotoAsync($"/trainer/courses/{courseId}");
            await Expect(other.GetByRole(AriaRole.Heading, new() { Name = "This page is not for your account" })).ToBeVisibleAsync();
            await Expect(other.GetByText("Your account may not do this")).ToBeVisibleAsync();

            // Forms are antiforgery-protected: a sign-in post without the token is refused.
            var forged = await context.APIRequest.PostAsync("/signin", new() { Form = context.APIRequest.CreateFormData().Append("_handler", "signin").Append("Input.Username", learner).Append("Input.Password", Seed.Password) });
            Assert.Equal(400, forged.Status);
        });
    }
}
