using System.Net.Http.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AdaptiveMooc.Web.Tests;

[Collection(WebCollection.Name)]
public sealed class AssessmentScenarioTests(WebPlatform web)
{
    /// <summary>
    /// Issue 14, assessments: a learner takes a timed quiz one question at a time, sees the verdict and explanation
    /// after each answer and the score after submitting; the trainer adds an item in the bank editor and reads the
    /// item analysis.
    /// </summary>
    [Fact]
    public async Task Learner_takes_a_timed_quiz_and_the_trainer_edits_the_bank_and_reads_the_item_analysis()
    {
        var trainer = Seed.Id("tr");
        var courseId = Seed.Id("course");
        var learner = Seed.Id("quiz");
        await Seed.TrainerAsync(web, trainer);
        await QuizCourseAsync(courseId, trainer);
        await Seed.LearnerAsync(web, learner);
        await Seed.EnrolAsync(web, learner, courseId);

        await using var context = await web.NewContextAsync();
        var page = await context.NewPageAsync();
        await Browser.DiagnoseAsync(web, page, "assessment", async () =>
        {
            await Browser.SignInAsync(page, learner, Seed.Password);
            await page.GotoAsync($"/learn/{courseId}/lessons/q1");
            await Browser.WaitInteractiveAsync(page);
            await Expect(page.GetByText("2 question(s), 30 minutes")).ToBeVisibleAsync();
            await page.ClickAsync("[data-testid=start-quiz]");

            // One question at a time, the time left counting down, no key on the page before answering.
            await Expect(page.Locator("[data-testid=time-left]")).ToContainTextAsync("left");
            await Expect(page.GetByText("Question 1 of 2")).ToBeVisibleAsync();
            Assert.DoesNotContain("worth 1/(1+r)^t today", await page.InnerTextAsync("body"), StringComparison.Ordinal);
            await page.GetByLabel("1/(1+r)^t").CheckAsync();
            await page.ClickAsync("[data-testid=check-answer]");
            await Expect(page.Locator("[data-testid=feedback]")).ToContainTextAsync("Correct.");
            await Expect(page.Locator("[data-testid=explanation]")).ToHaveTextAsync("Why: A payment in t years is worth 1/(1+r)^t today.");
            await Browser.AssertAccessibleAsync(page, "quiz");

            await page.ClickAsync("button:has-text('Next')");
            await Expect(page.GetByText("Question 2 of 2")).ToBeVisibleAsync();
            await page.FillAsync("#n1-number", "90");
            await page.ClickAsync("[data-testid=check-answer]");
            await Expect(page.Locator("[data-testid=feedback]")).ToContainTextAsync("Correct answer: 100 (± 0.5)");
            await page.ClickAsync("[data-testid=submit-quiz]");
            await Expect(page.Locator("[data-testid=quiz-result]")).ToHaveTextAsync("You scored 50% (1 of 2 correct) and did not pass.");
            var progress = await Seed.GetAsync(web, $"/api/learners/{learner}/courses/{courseId}/progress");
            Assert.True(progress.GetProperty("masteryBySkill").TryGetProperty("basics", out _), progress.ToString());
        });

        await using var trainerContext = await web.NewContextAsync();
        var trainerPage = await trainerContext.NewPageAsync();
        await Browser.DiagnoseAsync(web, trainerPage, "question-bank", async () =>
        {
            await Browser.SignInAsync(trainerPage, trainer, Seed.Password);
            await trainerPage.GotoAsync($"/trainer/courses/{courseId}/question-bank");
            await Browser.WaitInteractiveAsync(trainerPage);
            await Expect(trainerPage.Locator("[data-testid=bank-row]")).ToHaveCountAsync(2);

            // A short-answer item: a wrong skill first (the API's error shows beside the field), then right.
            await trainerPage.FillAsync("#q-id", "t1");
            await trainerPage.SelectOptionAsync("#q-kind", "short-answer");
            await trainerPage.FillAsync("#q-skills", "astrology");
            await trainerPage.FillAsync("#q-prompt", "The rate where NPV is zero?");
            await trainerPage.FillAsync("#q-accepted", "irr");
            await trainerPage.ClickAsync("[data-testid=save-item]");
            await Expect(trainerPage.Locator(".field-error")).ToContainTextAsync("astrology");
            await trainerPage.FillAsync("#q-skills", "basics");
            await trainerPage.ClickAsync("[data-testid=save-item]");
            await Expect(trainerPage.Locator("[data-testid=save-ok]")).ToContainTextAsync("t1");
            await Expect(trainerPage.Locator("[data-testid=bank-row]")).ToHaveCountAsync(3);
            await Browser.AssertAccessibleAsync(trainerPage, "question bank");

            await trainerPage.GotoAsync($"/trainer/courses/{courseId}/item-analysis");
            await Browser.WaitInteractiveAsync(trainerPage);
            await Expect(trainerPage.Locator("[data-testid=analysis-row]")).ToHaveCountAsync(3);
            await Expect(trainerPage.Locator("[data-testid=analysis-row]", new() { HasText = "n1" })).ToContainTextAsync("0%");
            await Browser.AssertAccessibleAsync(trainerPage, "item analysis");
        });
    }

    /// <summary>A published course: video l1, then quiz q1 drawing bank items s1 and n1 with 30 minutes.</summary>
    private async Task QuizCourseAsync(string courseId, string trainer)
    {
        using var admin = web.Platform.Client();
        var lessons = new object[]
        {
            new { id = "l1", title = "Lesson 1", kind = "video", minutes = 30, skills = new[] { "basics" }, prerequisites = Array.Empty<string>(), required = true, contentUrl = "https://example.org/video" },
            new { id = "q1", title = "Quiz 1", kind = "quiz", minutes = 10, skills = new[] { "basics" }, prerequisites = Array.Empty<string>(), required = true },
        };
        var body = new
        {
            id = courseId, title = $"Course {courseId}", field = "testing", description = "Quizzes.", language = "en",
            pricing = new { kind = "free" }, certificate = new { kind = "statement", passThreshold = 0.6 }, ownerTrainerId = trainer,
            modules = new[] { new { id = "m1", title = "Basics", lessons } },
        };
        await Ok(admin.PostAsJsonAsync("/api/courses", body));
        await Ok(admin.PostAsync(new Uri($"/api/courses/{courseId}/publish", UriKind.Relative), null));
        await Ok(admin.PostAsJsonAsync($"/api/courses/{courseId}/question-bank", new
        {
            id = "s1", kind = "single-choice", prompt = "Which discount factor?", skills = new[] { "basics" },
            choices = new[] { new { id = "a", text = "1/(1+r)^t" }, new { id = "b", text = "(1+r)^t" } },
            correctChoiceIds = new[] { "a" }, explanation = "A payment in t years is worth 1/(1+r)^t today.",
        }));
        await Ok(admin.PostAsJsonAsync($"/api/courses/{courseId}/question-bank", new
        {
            id = "n1", kind = "numeric", prompt = "NPV of 110 in one year at 10%?", skills = new[] { "basics" }, answer = 100, tolerance = 0.5,
        }));
        await Ok(admin.PutAsJsonAsync($"/api/courses/{courseId}/lessons/q1/assessment", new { itemIds = new[] { "s1", "n1" }, timeLimitMinutes = 30 }));
    }

    private static async Task Ok(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
