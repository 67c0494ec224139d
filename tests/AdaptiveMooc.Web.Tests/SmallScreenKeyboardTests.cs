using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AdaptiveMooc.Web.Tests;

/// <summary>Every main page fits a 375 px wide phone; a learner signs in and completes a lesson with the keyboard only.</summary>
[Collection(WebCollection.Name)]
public sealed class SmallScreenKeyboardTests(WebPlatform web)
{
    /// <summary>What sticks out to the right of the viewport, widest first: empty when the page fits.</summary>
    private const string OverflowScript = """
        () => {
          const width = document.documentElement.clientWidth;
          if (document.documentElement.scrollWidth <= width) return [];
          return [...document.querySelectorAll('body *')]
            .map(e => ({ e, r: e.getBoundingClientRect() }))
            .filter(x => x.r.right > width + 1 && x.r.width > 0 && getComputedStyle(x.e).position !== 'fixed')
            .sort((a, b) => b.r.right - a.r.right)
            .slice(0, 5)
            .map(x => `${x.e.tagName.toLowerCase()}.${[...x.e.classList].join('.')} right=${Math.round(x.r.right)}`)
            .concat([`scrollWidth=${document.documentElement.scrollWidth} clientWidth=${width}`]);
        }
        """;

    /// <summary>Pages rendered on the server only (their forms post without a circuit): nothing to wait for.</summary>
    private static readonly HashSet<string> StaticPages = ["/signin", "/register"];

    [Fact]
    public async Task Main_pages_have_no_horizontal_overflow_at_375_px()
    {
        var trainer = Seed.Id("st");
        var courseId = Seed.Id("small");
        var learner = Seed.Id("sl");
        await Seed.TrainerAsync(web, trainer);
        await Seed.CourseAsync(web, courseId, trainer, lessons: 3);
        await Seed.LearnerAsync(web, learner);
        await Seed.EnrolAsync(web, learner, courseId);

        var visitor = new[] { "/", $"/courses/{courseId}", "/signin", "/register" };
        var learnerPages = new[]
        {
            "/home", $"/learn/{courseId}", $"/learn/{courseId}/lessons/l1", $"/learn/{courseId}/forum", $"/learn/{courseId}/webinars",
            $"/learn/{courseId}/enrol", "/my/certificates",
        };
        var trainerPages = new[]
        {
            "/trainer", $"/trainer/courses/{courseId}", $"/trainer/courses/{courseId}/edit", $"/trainer/courses/{courseId}/webinars",
            $"/trainer/courses/{courseId}/reports",
        };

        var failures = new List<string>();
        await CheckAsync(null, visitor, failures);
        await CheckAsync((learner, Seed.Password), learnerPages, failures);
        await CheckAsync((trainer, Seed.Password), trainerPages, failures);
        await CheckAsync(("admin", web.Platform.AdminKey), ["/admin"], failures);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private async Task CheckAsync((string User, string Secret)? account, IReadOnlyList<string> paths, List<string> failures)
    {
        await using var context = await web.NewContextAsync(width: 375, height: 800);
        var page = await context.NewPageAsync();
        await Browser.DiagnoseAsync(web, page, "small-screen", async () =>
        {
            if (account is ("admin", var key))
            {
                await page.GotoAsync("/signin");
                await page.ClickAsync("summary:has-text('Administrators')");
                await page.FillAsync("#adminKey", key);
                await page.ClickAsync("button:has-text('Sign in as admin')");
                await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal));
            }
            else if (account is var (user, password))
            {
                await Browser.SignInAsync(page, user, password);
            }

            foreach (var path in paths)
            {
                await page.GotoAsync(path);
                if (!StaticPages.Contains(path))
                {
                    await Browser.WaitInteractiveAsync(page);
                }

                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                Assert.True(account is null || !page.Url.Contains("/signin", StringComparison.Ordinal), $"{path} sent a signed-in user to {page.Url}");
                var overflow = await page.EvaluateAsync<JsonElement>(OverflowScript);
                if (overflow.GetArrayLength() > 0)
                {
                    failures.Add($"{path}: " + string.Join("; ", overflow.EnumerateArray().Select(e => e.GetString())));
                }
            }
        });
    }

    /// <summary>Sign in and complete a lesson with Tab, typing and Enter only: no mouse, no address bar after the first page.</summary>
    [Fact]
    public async Task Learner_signs_in_and_completes_a_lesson_with_the_keyboard_only()
    {
        var trainer = Seed.Id("kt");
        var courseId = Seed.Id("keys");
        var learner = Seed.Id("kl");
        await Seed.TrainerAsync(web, trainer);
        await Seed.CourseAsync(web, courseId, trainer, lessons: 2);
        await Seed.LearnerAsync(web, learner);
        await Seed.EnrolAsync(web, learner, courseId);

        await using var context = await web.NewContextAsync(width: 1280, height: 900);
        var page = await context.NewPageAsync();
        await Browser.DiagnoseAsync(web, page, "keyboard", async () =>
        {
            await page.GotoAsync("/signin");
            await TabToAsync(page, "e => e.id === 'username'");
            await page.Keyboard.TypeAsync(learner);
            await page.Keyboard.PressAsync("Tab");
            Assert.Equal("password", await page.EvaluateAsync<string>("() => document.activeElement.id"));
            await page.Keyboard.TypeAsync(Seed.Password);
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForURLAsync("**/home");
            await Browser.WaitInteractiveAsync(page);
            await Expect(page.Locator("[data-testid=recommendations] li[data-lesson=l1]")).ToBeVisibleAsync();

            await TabToAsync(page, $"e => e.tagName === 'A' && (e.getAttribute('href') || '').endsWith('/learn/{courseId}/lessons/l1')");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForURLAsync($"**/learn/{courseId}/lessons/l1");
            await Browser.WaitInteractiveAsync(page);
            await Expect(page.Locator("button:has-text('Mark as done')")).ToBeVisibleAsync();

            await TabToAsync(page, "e => e.tagName === 'BUTTON' && e.textContent.includes('Mark as done')");
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.Locator("[data-testid=lesson-state]")).ToContainTextAsync("Done.", new() { Timeout = 20_000 });
        });

        var progress = await Seed.GetAsync(web, $"/api/learners/{learner}/courses/{courseId}/progress");
        Assert.Contains("l1", progress.GetProperty("completedLessons").EnumerateArray().Select(e => e.GetString()));
    }

    /// <summary>Presses Tab until the focused element matches <paramref name="predicate"/> (a JS function of the element).</summary>
    private static async Task TabToAsync(IPage page, string predicate, int maxPresses = 80)
    {
        for (var i = 0; i < maxPresses; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>($"() => {{ const e = document.activeElement; return !!e && ({predicate})(e); }}"))
            {
                return;
            }
        }

        var focused = await page.EvaluateAsync<string>("() => document.activeElement ? document.activeElement.outerHTML.slice(0, 200) : 'nothing'");
        throw new InvalidOperationException($"{maxPresses} Tab presses did not reach {predicate}; focus is on {focused}");
    }
}
