using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AdaptiveMooc.Web.Tests;

[Collection(WebCollection.Name)]
public sealed class LearnerScenarioTests(WebPlatform web)
{
    /// <summary>
    /// Issue 13, scenario 1: a learner registers, enrols declaring hours and windows, opens a lesson, completes it
    /// and sees the recommendations and the plan change without a reload; a second browser context posts in the
    /// course forum and the first sees the post appear live.
    /// </summary>
    [Fact]
    public async Task Learner_registers_enrols_completes_a_lesson_and_sees_the_forum_live()
    {
        var trainer = Seed.Id("tr");
        var courseId = Seed.Id("course");
        await Seed.TrainerAsync(web, trainer);
        await Seed.CourseAsync(web, courseId, trainer, lessons: 4);
        var learner = Seed.Id("sam");

        await using var context = await web.NewContextAsync();
        var page = await context.NewPageAsync();
        await Browser.DiagnoseAsync(web, page, "learner", async () =>
        {

            // The public catalogue and course page, before signing in.
            await page.GotoAsync("/");
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = $"Course {courseId}" })).ToBeVisibleAsync();
            await Browser.AssertAccessibleAsync(page, "catalogue");
            await page.GotoAsync($"/courses/{courseId}");
            await Expect(page.GetByText("<script>alert('x')</script> stays text.", new() { Exact = false })).ToBeVisibleAsync();
            await Browser.AssertAccessibleAsync(page, "course page");

            // Register, with availability windows.
            await page.GotoAsync($"/register?returnUrl=/learn/{courseId}/enrol");
            await page.FillAsync("#id", learner);
            await page.FillAsync("#name", "Sam Web");
            await page.FillAsync("#email", $"{learner}@example.org");
            await page.FillAsync("#password", Seed.Password);
            await page.SelectOptionAsync("#timezone", "UTC");
            string[] days = ["monday", "wednesday", "saturday"];
            for (var i = 0; i < days.Length; i++)
            {
                await page.SelectOptionAsync($"#day-{i}", days[i]);
                await page.FillAsync($"#start-{i}", "07:00");
                await page.FillAsync($"#end-{i}", "22:00");
            }

            await page.ClickAsync("button:has-text('Create my account')");
            await page.WaitForURLAsync($"**/learn/{courseId}/enrol");
            await Browser.WaitInteractiveAsync(page);

            // Enrol: hours a week, and one more window.
            await Browser.TypeAsync(page, "#weekly-hours", "8");
            await page.ClickAsync("button:has-text('Add a window')");
            await Expect(page.Locator("[data-testid=window-row]")).ToHaveCountAsync(4);
            await Browser.TypeAsync(page, "#window-start-3", "05:00");
            await Browser.TypeAsync(page, "#window-end-3", "06:30");
            await page.ClickAsync("button:has-text('Enrol')");
            await page.WaitForURLAsync($"**/learn/{courseId}");
            var enrolment = await Seed.GetAsync(web, $"/api/learners/{learner}/enrollments");
            Assert.Equal(8, enrolment.GetProperty("items")[0].GetProperty("weeklyStudyHours").GetDouble());
            var profile = await Seed.GetAsync(web, $"/api/learners/{learner}");
            Assert.Equal(4, profile.GetProperty("weeklyAvailability").GetArrayLength());

            // Learner home answers "what should I do now".
            await page.GotoAsync("/home");
            await Browser.WaitInteractiveAsync(page);
            await Expect(page.Locator("[data-testid=recommendations] li[data-lesson=l1]")).ToBeVisibleAsync();
            await Expect(page.GetByText("You have done everything it builds on.").First).ToBeVisibleAsync();
            await Expect(page.Locator("[data-testid=plan-session]").First).ToBeVisibleAsync();
            await Browser.AssertAccessibleAsync(page, "learner home");

            // The lesson: mark it done, without a reload the next steps move on.
            await page.ClickAsync("[data-testid=recommendations] li[data-lesson=l1] a");
            await page.WaitForURLAsync($"**/learn/{courseId}/lessons/l1");
            await Browser.WaitInteractiveAsync(page);
            await Expect(page.Locator("[data-testid=recommendations] li[data-lesson=l1]")).ToBeVisibleAsync();
            var planBefore = await page.Locator("[data-testid=plan-signature]").InnerTextAsync();
            await Browser.AssertAccessibleAsync(page, "lesson page");
            await page.EvaluateAsync("() => window.__noReload = 'still here'");
            await page.ClickAsync("button:has-text('Mark as done')");
            await Expect(page.Locator("[data-testid=lesson-state]")).ToContainTextAsync("Done.");
            await Expect(page.Locator("[data-testid=recommendations] li[data-lesson=l1]")).ToHaveCountAsync(0);
            await Expect(page.Locator("[data-testid=recommendations] li[data-lesson=l2]")).ToBeVisibleAsync();
            await Expect(page.Locator("[data-testid=plan-signature]")).Not.ToHaveTextAsync(planBefore);
            Assert.Equal("still here", await page.EvaluateAsync<string>("() => window.__noReload"));
            var progress = await Seed.GetAsync(web, $"/api/learners/{learner}/courses/{courseId}/progress");
            Assert.Contains("l1", progress.GetProperty("completedLessons").EnumerateArray().Select(e => e.GetString()));

            // The forum: open a thread; another learner replies in a second browser context; it appears live.
            await page.GotoAsync($"/learn/{courseId}/forum");
            await Browser.WaitInteractiveAsync(page);
            await Browser.TypeAsync(page, "#thread-title", "How long is lesson 2?");
            await Browser.TypeAsync(page, "#thread-body", "Asking for a friend <b>bold</b>.");
            await page.ClickAsync("button:has-text('Post the thread')");
            await page.WaitForURLAsync($"**/learn/{courseId}/forum/*");
            await Browser.WaitInteractiveAsync(page);
            await Expect(page.GetByText("Asking for a friend <b>bold</b>.")).ToBeVisibleAsync();
            await Browser.AssertAccessibleAsync(page, "forum thread");
            var threadUrl = page.Url;
            await page.EvaluateAsync("() => window.__noReload = 'thread still here'");

            var other = Seed.Id("ana");
            await Seed.LearnerAsync(web, other);
            await Seed.EnrolAsync(web, other, courseId);
            await using var secondContext = await web.NewContextAsync(width: 375, height: 800);
            var second = await secondContext.NewPageAsync();
            await Browser.SignInAsync(second, other, Seed.Password);
            await second.GotoAsync(threadUrl);
            await Browser.WaitInteractiveAsync(second);
            await Browser.TypeAsync(second, "#reply-body", "About thirty minutes.");
            await second.ClickAsync("button:has-text('Post the reply')");

            await Expect(page.GetByText("About thirty minutes.")).ToBeVisibleAsync(new() { Timeout = 15_000 });
            Assert.Equal("thread still here", await page.EvaluateAsync<string>("() => window.__noReload"));

            // No token reaches browser JavaScript: the session cookie is HttpOnly and storage holds nothing.
            Assert.Equal("", await page.EvaluateAsync<string>("() => document.cookie.includes('mooc-session') ? 'visible' : ''"));
            Assert.Equal(0, await page.EvaluateAsync<int>("() => localStorage.length + sessionStorage.length"));
            var cookies = await context.CookiesAsync();
            var session = Assert.Single(cookies, c => c.Name == "mooc-session");
            Assert.True(session.HttpOnly);
            Assert.DoesNotContain("eyJ", session.Value[..Math.Min(3, session.Value.Length)], StringComparison.Ordinal);
        });
    }
}
