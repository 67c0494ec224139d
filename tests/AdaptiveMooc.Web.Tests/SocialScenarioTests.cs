using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AdaptiveMooc.Web.Tests;

/// <summary>Webinars and forum moderation in the browser: the trainer's side and the learner's side of each.</summary>
[Collection(WebCollection.Name)]
public sealed class SocialScenarioTests(WebPlatform web)
{
    /// <summary>
    /// A trainer schedules a webinar (a bad join link first: the error shows beside the field, nothing is lost), a
    /// learner registers, then sees the join link and gets the webinar as an iCalendar file; the trainer sees the seat taken.
    /// </summary>
    [Fact]
    public async Task Trainer_schedules_a_webinar_and_a_learner_registers_and_gets_the_join_link()
    {
        var trainer = Seed.Id("wt");
        var courseId = Seed.Id("webinar-course");
        var learner = Seed.Id("wl");
        await Seed.TrainerAsync(web, trainer);
        await Seed.CourseAsync(web, courseId, trainer, lessons: 2);
        await Seed.LearnerAsync(web, learner);
        await Seed.EnrolAsync(web, learner, courseId);
        var day = DateTime.UtcNow.Date.AddDays(20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        await using var trainerContext = await web.NewContextAsync();
        var page = await trainerContext.NewPageAsync();
        await Browser.DiagnoseAsync(web, page, "webinar-trainer", async () =>
        {
            await Browser.SignInAsync(page, trainer, Seed.Password);
            await page.GotoAsync($"/trainer/courses/{courseId}/webinars");
            await Browser.WaitInteractiveAsync(page);
            await Expect(page.Locator("[data-testid=no-webinars]")).ToBeVisibleAsync();
            await Browser.TypeAsync(page, "#webinar-title", "Budget Q&A");
            await Browser.TypeAsync(page, "#webinar-date", day);
            await Browser.TypeAsync(page, "#webinar-time", "18:30");
            await Browser.TypeAsync(page, "#webinar-capacity", "5");
            await Browser.TypeAsync(page, "#webinar-join", "meet me at the pub");
            await page.ClickAsync("button:has-text('Schedule')");
            await Expect(page.Locator(".field-error")).ToContainTextAsync("joinUrl must be an absolute http(s) URL");
            await Expect(page.Locator("#webinar-title")).ToHaveValueAsync("Budget Q&A");

            await Browser.TypeAsync(page, "#webinar-join", "https://meet.example.org/budget");
            await page.ClickAsync("button:has-text('Schedule')");
            await Expect(page.Locator("[data-testid=webinar-ok]")).ToContainTextAsync($"Budget Q&A is scheduled for {day} 18:30");
            await Expect(page.Locator("[data-testid=webinars] [data-testid=registered]")).ToHaveTextAsync("0 of 5");
            await Browser.AssertAccessibleAsync(page, "trainer webinars");
        });

        var listed = await Seed.GetAsync(web, $"/api/courses/{courseId}/webinars");
        var webinar = listed.GetProperty("items")[0];
        Assert.Equal(5, webinar.GetProperty("capacity").GetInt32());
        Assert.Equal(DateTimeOffset.Parse($"{day}T18:30:00Z", CultureInfo.InvariantCulture), webinar.GetProperty("start").GetDateTimeOffset());

        await using var learnerContext = await web.NewContextAsync(width: 375, height: 800);
        var learnerPage = await learnerContext.NewPageAsync();
        await Browser.DiagnoseAsync(web, learnerPage, "webinar-learner", async () =>
        {
            await Browser.SignInAsync(learnerPage, learner, Seed.Password);
            await learnerPage.GotoAsync($"/learn/{courseId}/webinars");
            await Browser.WaitInteractiveAsync(learnerPage);
            await Expect(learnerPage.GetByText("Budget Q&A")).ToBeVisibleAsync();
            await Expect(learnerPage.Locator("[data-testid=join-link]")).ToHaveCountAsync(0);
            await Expect(learnerPage.GetByText("5 of 5 seats left", new() { Exact = false })).ToBeVisibleAsync();
            await Browser.AssertAccessibleAsync(learnerPage, "learner webinars");
            await learnerPage.ClickAsync("button:has-text('Register')");
            await Expect(learnerPage.Locator("[data-testid=join-link]")).ToHaveAttributeAsync("href", "https://meet.example.org/budget");
            await Expect(learnerPage.GetByText("4 of 5 seats left", new() { Exact = false })).ToBeVisibleAsync();

            var ics = await learnerPage.APIRequest.GetAsync($"/learn/{courseId}/webinars/{webinar.GetProperty("id").GetString()}.ics");
            Assert.True(ics.Ok, ics.StatusText);
            var text = await ics.TextAsync();
            Assert.Contains("BEGIN:VEVENT", text, StringComparison.Ordinal);
            Assert.Contains("URL:https://meet.example.org/budget", text, StringComparison.Ordinal);
            Assert.Contains($"DTSTART:{day.Replace("-", "", StringComparison.Ordinal)}T183000Z", text, StringComparison.Ordinal);
        });

        var mine = await Seed.GetAsync(web, $"/api/learners/{learner}/webinars");
        Assert.Equal(webinar.GetProperty("id").GetString(), mine.GetProperty("items")[0].GetProperty("id").GetString());
        await page.ReloadAsync();
        await Browser.WaitInteractiveAsync(page);
        await Expect(page.Locator("[data-testid=webinars] [data-testid=registered]")).ToHaveTextAsync("1 of 5");
        await page.ClickAsync("button[aria-label='Who registered for Budget Q&A']");
        await Expect(page.Locator("[data-testid=registrations]")).ToContainTextAsync("1 registered, 0 attended");
        await Expect(page.Locator($"[data-testid=registrations] li[data-registrant={learner}]")).ToContainTextAsync("attendance not recorded");
    }

    /// <summary>
    /// A learner reports another learner's post; the course's trainer finds it in the reports queue, hides the post
    /// (which closes the report) and locks the thread; the learners then no longer see the post, nor a reply box.
    /// </summary>
    [Fact]
    public async Task Trainer_moderates_a_reported_post_from_the_reports_queue()
    {
        var trainer = Seed.Id("mt");
        var courseId = Seed.Id("moderated");
        var author = Seed.Id("ma");
        var reporter = Seed.Id("mr");
        await Seed.TrainerAsync(web, trainer);
        await Seed.CourseAsync(web, courseId, trainer, lessons: 2);
        foreach (var learner in new[] { author, reporter })
        {
            await Seed.LearnerAsync(web, learner);
            await Seed.EnrolAsync(web, learner, courseId);
        }

        await using var authorContext = await web.NewContextAsync();
        var authorPage = await authorContext.NewPageAsync();
        var threadUrl = "";
        await Browser.DiagnoseAsync(web, authorPage, "moderation-author", async () =>
        {
            await Browser.SignInAsync(authorPage, author, Seed.Password);
            await authorPage.GotoAsync($"/learn/{courseId}/forum");
            await Browser.WaitInteractiveAsync(authorPage);
            await Browser.TypeAsync(authorPage, "#thread-title", "Cheap answers here");
            await Browser.TypeAsync(authorPage, "#thread-body", "Buy the solutions at spam.example");
            await authorPage.ClickAsync("button:has-text('Post the thread')");
            await authorPage.WaitForURLAsync($"**/learn/{courseId}/forum/*");
            threadUrl = new Uri(authorPage.Url).PathAndQuery;
        });

        await using var reporterContext = await web.NewContextAsync();
        var reporterPage = await reporterContext.NewPageAsync();
        await Browser.DiagnoseAsync(web, reporterPage, "moderation-reporter", async () =>
        {
            await Browser.SignInAsync(reporterPage, reporter, Seed.Password);
            await reporterPage.GotoAsync(threadUrl);
            await Browser.WaitInteractiveAsync(reporterPage);
            await reporterPage.ClickAsync($"button[aria-label='Report the post by {author}']");
            await reporterPage.Locator("[data-testid=report-form] input").FillAsync("Advertising, not a question");
            await reporterPage.Locator("[data-testid=report-form] input").PressAsync("Tab");
            await reporterPage.ClickAsync("button:has-text('Send the report')");
            await Expect(reporterPage.Locator("[data-testid=forum-notice]")).ToContainTextAsync("the course's trainers will look at the post");
        });

        await using var trainerContext = await web.NewContextAsync();
        var page = await trainerContext.NewPageAsync();
        await Browser.DiagnoseAsync(web, page, "moderation-trainer", async () =>
        {
            await Browser.SignInAsync(page, trainer, Seed.Password);
            await page.GotoAsync($"/trainer/courses/{courseId}/reports");
            await Browser.WaitInteractiveAsync(page);
            var report = page.Locator("[data-testid=reports] li").First;
            await Expect(report).ToContainTextAsync("Advertising, not a question");
            await Expect(report).ToContainTextAsync("Buy the solutions at spam.example");
            await Browser.AssertAccessibleAsync(page, "forum reports");
            await page.ClickAsync($"button[aria-label='Hide the post by {author}']");
            await Expect(page.Locator("[data-testid=reports-ok]")).ToContainTextAsync("hidden");
            await Expect(page.Locator("[data-testid=no-reports]")).ToBeVisibleAsync();

            await page.GotoAsync(threadUrl);
            await Browser.WaitInteractiveAsync(page);
            await page.ClickAsync("button:has-text('Lock')");
            await Expect(page.GetByText("Locked: no new replies.")).ToBeVisibleAsync();
        });

        var open = await Seed.GetAsync(web, $"/api/courses/{courseId}/forum/reports");
        Assert.Equal(0, open.GetProperty("items").GetArrayLength());
        await reporterPage.ReloadAsync();
        await Browser.WaitInteractiveAsync(reporterPage);
        await Expect(reporterPage.GetByText("Locked: no new replies.")).ToBeVisibleAsync();
        await Expect(reporterPage.GetByText("Buy the solutions at spam.example")).ToHaveCountAsync(0);
        await Expect(reporterPage.Locator("#reply-body")).ToHaveCountAsync(0);
    }

    /// <summary>A learner's session on the trainer's webinar and reports pages: a clear page, not a crash.</summary>
    [Fact]
    public async Task Learner_cannot_open_the_trainer_webinar_or_reports_pages()
    {
        var trainer = Seed.Id("nt");
        var courseId = Seed.Id("closed");
        var learner = Seed.Id("nl");
        await Seed.TrainerAsync(web, trainer);
        await Seed.CourseAsync(web, courseId, trainer, lessons: 1);
        await Seed.LearnerAsync(web, learner);
        await using var context = await web.NewContextAsync();
        var page = await context.NewPageAsync();
        await Browser.DiagnoseAsync(web, page, "social-denied", async () =>
        {
            await Browser.SignInAsync(page, learner, Seed.Password);
            foreach (var path in new[] { $"/trainer/courses/{courseId}/webinars", $"/trainer/courses/{courseId}/reports" })
            {
                await page.GotoAsync(path);
                await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This page is not for your account" })).ToBeVisibleAsync();
            }

            // Not enrolled: the learner's webinar page says so in words.
            await page.GotoAsync($"/learn/{courseId}/webinars");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This page is not for your account" })).ToBeVisibleAsync();
        });
    }
}
