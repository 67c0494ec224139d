using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AdaptiveMooc.Api.Tests.Assessments;

/// <summary>
/// The contract's routes for content and assessments (CONTRACT.md, "Content and assessments"), over real HTTP (silo on
/// PostgreSQL, API process): lesson bodies, bank items in the contract's shape, quizzes listing items or drawing a pool,
/// attempts with one <c>response</c> per answer, and practice by <c>?skill=</c>.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ContractAssessmentTests(PlatformFixture fixture)
{
    private const string Password = "correct horse battery";

    [Fact]
    public async Task The_contract_flow_course_with_quiz_items_then_items_publish_enrol_attempt_answer_submit()
    {
        var (_, trainer) = await TrainerAsync();
        var courseId = Payloads.NewId("course")[..30];

        // The course exactly as the contract writes it: a quiz lesson listing its items as [{id, skills}].
        var course = new JsonObject
        {
            ["id"] = courseId, ["title"] = "Intro to finance", ["field"] = "finance", ["description"] = "Money over time", ["language"] = "en",
            ["pricing"] = new JsonObject { ["kind"] = "free" }, ["certificate"] = new JsonObject { ["kind"] = "statement", ["passThreshold"] = 0.6 },
            ["startDate"] = null,
            ["modules"] = new JsonArray(new JsonObject
            {
                ["id"] = "m1", ["title"] = "Basics",
                ["lessons"] = new JsonArray(
                    new JsonObject
                    {
                        ["id"] = "l1", ["title"] = "Reading", ["kind"] = "reading", ["minutes"] = 20, ["skills"] = new JsonArray("npv"),
                        ["prerequisites"] = new JsonArray(), ["required"] = true,
                    },
                    new JsonObject
                    {
                        ["id"] = "l2", ["title"] = "Quiz", ["kind"] = "quiz", ["minutes"] = 10, ["skills"] = new JsonArray("npv"),
                        ["prerequisites"] = new JsonArray(), ["required"] = true,
                        ["items"] = new JsonArray(
                            new JsonObject { ["id"] = "q1", ["skills"] = new JsonArray("npv") },
                            new JsonObject { ["id"] = "q2", ["skills"] = new JsonArray("npv") },
                            new JsonObject { ["id"] = "q3", ["skills"] = new JsonArray("irr") },
                            new JsonObject { ["id"] = "q4", ["skills"] = new JsonArray("irr") }),
                    }),
            }),
        };
        await Read(await trainer.PostAsJsonAsync("/api/courses", course), HttpStatusCode.Created);

        // Created before its bank items; publishing waits for them and names the missing ones.
        var early = await Problem.AssertAsync(await trainer.PostAsync(new Uri($"/api/courses/{courseId}/publish", UriKind.Relative), null), HttpStatusCode.Conflict, "q1, q2, q3, q4");
        Assert.Equal("modules[0].lessons[1].items[0].id", early.GetProperty("field").GetString());

        var items = new[]
        {
            new JsonObject
            {
                ["id"] = "q1", ["kind"] = "single-choice", ["prompt"] = "Discounting a future payment ...",
                ["choices"] = new JsonArray(Choice("a", "divides it by (1+r)^t"), Choice("b", "multiplies it by (1+r)^t")),
                ["answer"] = "a", ["skills"] = new JsonArray("npv"), ["feedback"] = "Discounting divides.", ["explanation"] = "Worth 1/(1+r)^t today.",
            },
            new JsonObject
            {
                ["id"] = "q2", ["kind"] = "multiple-response", ["prompt"] = "Which raise NPV?",
                ["choices"] = new JsonArray(Choice("a", "higher inflows"), Choice("b", "higher rate"), Choice("c", "earlier inflows")),
                ["answer"] = new JsonArray("a", "c"), ["skills"] = new JsonArray("npv"),
            },
            new JsonObject
            {
                ["id"] = "q3", ["kind"] = "numeric", ["prompt"] = "110 in one year at 10 % is worth today?",
                ["answer"] = new JsonObject { ["value"] = 100, ["tolerance"] = 0.5 }, ["skills"] = new JsonArray("irr"),
            },
            new JsonObject
            {
                ["id"] = "q4", ["kind"] = "short-answer", ["prompt"] = "The rate at which NPV is zero?",
                ["answer"] = new JsonObject { ["values"] = new JsonArray("IRR", "internal rate of return") }, ["skills"] = new JsonArray("irr"),
            },
        };
        foreach (var item in items)
        {
            using var created = await trainer.PostAsJsonAsync($"/api/courses/{courseId}/items", item);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Assert.Equal($"/api/courses/{courseId}/items/{item["id"]}", created.Headers.Location?.OriginalString);
        }

        var q3 = await Read(await trainer.GetAsync(new Uri($"/api/courses/{courseId}/items/q3", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal(("numeric", 100, 0.5), (q3.GetProperty("kind").GetString(), q3.GetProperty("answer").GetProperty("value").GetDouble(), q3.GetProperty("answer").GetProperty("tolerance").GetDouble()));
        var q2 = await Read(await trainer.GetAsync(new Uri($"/api/courses/{courseId}/items/q2", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal(["a", "c"], q2.GetProperty("answer").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("a", (await Read(await trainer.GetAsync(new Uri($"/api/courses/{courseId}/items/q1", UriKind.Relative)), HttpStatusCode.OK)).GetProperty("answer").GetString());

        await Read(await trainer.PostAsync(new Uri($"/api/courses/{courseId}/publish", UriKind.Relative), null), HttpStatusCode.OK);

        var learnerId = Payloads.NewId("learner")[..30];
        using (var anonymous = fixture.Platform.Client(admin: false))
        {
            await Read(await anonymous.PostAsJsonAsync("/api/learners", Payloads.Learner(learnerId)), HttpStatusCode.Created);
        }

        var learner = await SignedIn(learnerId);
        await Read(await learner.PostAsJsonAsync($"/api/learners/{learnerId}/enrollments", new JsonObject { ["courseId"] = courseId }), HttpStatusCode.Created);

        // The bank holds the keys: learners never read it.
        await Problem.AssertAsync(await learner.GetAsync(new Uri($"/api/courses/{courseId}/items/q1", UriKind.Relative)), HttpStatusCode.Forbidden);

        var attempts = $"/api/learners/{learnerId}/courses/{courseId}/lessons/l2/attempts";
        using var start = await learner.PostAsync(new Uri(attempts, UriKind.Relative), null);
        var startText = await start.Content.ReadAsStringAsync();
        Assert.True(start.StatusCode == HttpStatusCode.Created, startText);
        foreach (var secret in new[] { "Discounting divides", "Worth 1/(1+r)^t", "internal rate of return", "tolerance", "correctChoiceIds" })
        {
            Assert.DoesNotContain(secret, startText, StringComparison.OrdinalIgnoreCase);
        }

        var attempt = JsonDocument.Parse(startText).RootElement;
        Assert.Empty(PropertyNames(attempt).Intersect(["answer", "answers", "feedback", "explanation", "correctAnswer"]));
        var attemptId = attempt.GetProperty("id").GetRawText();
        Assert.Equal(JsonValueKind.Null, attempt.GetProperty("expiresAt").ValueKind);
        Assert.Equal(["q1", "q2", "q3", "q4"], attempt.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        var first = attempt.GetProperty("items")[0];
        Assert.Equal(("single-choice", "Discounting a future payment ...", 2), (first.GetProperty("kind").GetString(), first.GetProperty("prompt").GetString(), first.GetProperty("choices").GetArrayLength()));
        Assert.Equal(start.Headers.Location?.OriginalString, $"{attempts}/{attemptId}");

        var a1 = await Read(await learner.PostAsJsonAsync($"{attempts}/{attemptId}/answers", new JsonObject { ["itemId"] = "q1", ["response"] = "a" }), HttpStatusCode.OK);
        Assert.True(a1.GetProperty("correct").GetBoolean());
        Assert.Equal("Discounting divides.", a1.GetProperty("feedback").GetString());
        Assert.Equal("Worth 1/(1+r)^t today.", a1.GetProperty("explanation").GetString());
        var a2 = await Read(await learner.PostAsJsonAsync($"{attempts}/{attemptId}/answers", new JsonObject { ["itemId"] = "q2", ["response"] = new JsonArray("a") }), HttpStatusCode.OK);
        Assert.False(a2.GetProperty("correct").GetBoolean());
        var badNumber = await Problem.AssertAsync(
            await learner.PostAsJsonAsync($"{attempts}/{attemptId}/answers", new JsonObject { ["itemId"] = "q3", ["response"] = new JsonObject { ["x"] = 1 } }), HttpStatusCode.BadRequest);
        Assert.Equal("response", badNumber.GetProperty("field").GetString());
        var a3 = await Read(await learner.PostAsJsonAsync($"{attempts}/{attemptId}/answers", new JsonObject { ["itemId"] = "q3", ["response"] = 100.2 }), HttpStatusCode.OK);
        Assert.True(a3.GetProperty("correct").GetBoolean());
        var a4 = await Read(await learner.PostAsJsonAsync($"{attempts}/{attemptId}/answers", new JsonObject { ["itemId"] = "q4", ["response"] = "  internal   rate of return " }), HttpStatusCode.OK);
        Assert.True(a4.GetProperty("correct").GetBoolean());

        var submitted = await Read(await learner.PostAsync(new Uri($"{attempts}/{attemptId}/submission", UriKind.Relative), null), HttpStatusCode.OK);
        Assert.Equal(0.75, submitted.GetProperty("score").GetDouble());
        Assert.True(submitted.GetProperty("passed").GetBoolean());

        // The platform's grade counts: the quiz is completed and mastery moved on both skills.
        var progress = await Read(await learner.GetAsync(new Uri($"/api/learners/{learnerId}/courses/{courseId}/progress", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Contains("l2", progress.GetProperty("completedLessons").EnumerateArray().Select(e => e.GetString()));
        Assert.True(progress.GetProperty("masteryBySkill").TryGetProperty("npv", out _));
        Assert.True(progress.GetProperty("masteryBySkill").TryGetProperty("irr", out _));
    }

    [Fact]
    public async Task Lesson_content_is_put_as_markdown_read_back_sanitised_durable_and_published_as_the_next_version()
    {
        var (_, trainer) = await TrainerAsync();
        var (_, other) = await TrainerAsync();
        var courseId = Payloads.NewId("course")[..30];
        var course = Payloads.CourseWithoutQuizItems(courseId);
        await Read(await trainer.PostAsJsonAsync("/api/courses", course), HttpStatusCode.Created);
        var content = $"/api/courses/{courseId}/lessons/l3/content";
        const string Markdown = "# NPV\n\nSafe *text*.\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>";

        // Before publication: the definition itself changes.
        var put = await Read(await trainer.PutAsJsonAsync(content, new JsonObject { ["format"] = "markdown", ["body"] = Markdown }), HttpStatusCode.OK);
        Assert.Equal(("markdown", Markdown), (put.GetProperty("format").GetString(), put.GetProperty("body").GetString()));
        var got = await Read(await trainer.GetAsync(new Uri(content, UriKind.Relative)), HttpStatusCode.OK);
        var html = got.GetProperty("html").GetString()!;
        Assert.Equal(("markdown", Markdown), (got.GetProperty("format").GetString(), got.GetProperty("body").GetString()));
        Assert.Contains("<h1", html, StringComparison.Ordinal);
        Assert.Contains("<em>text</em>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);

        await Read(await trainer.PostAsync(new Uri($"/api/courses/{courseId}/publish", UriKind.Relative), null), HttpStatusCode.OK);
        var (learnerId, learner) = await EnrolledLearnerAsync(courseId);
        Assert.Equal(HttpStatusCode.OK, (await learner.PostAsJsonAsync("/xapi/statements", Statement(learnerId, courseId, "l1"))).StatusCode);

        // Published: the edit is the next version at once, learners see it, progress survives.
        await Read(await trainer.PutAsJsonAsync(content, new JsonObject { ["format"] = "markdown", ["body"] = "Version *two*" }), HttpStatusCode.OK);
        var seen = await Read(await learner.GetAsync(new Uri(content, UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal(("Version *two*", 2), (seen.GetProperty("body").GetString(), seen.GetProperty("version").GetInt32()));
        Assert.Contains("<em>two</em>", seen.GetProperty("html").GetString(), StringComparison.Ordinal);
        var version1 = await Read(await trainer.GetAsync(new Uri($"/api/courses/{courseId}/versions/1", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal(Markdown, version1.GetProperty("course").GetProperty("modules")[0].GetProperty("lessons")[2].GetProperty("body").GetString());
        var progress = await Read(await learner.GetAsync(new Uri($"/api/learners/{learnerId}/courses/{courseId}/progress", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Contains("l1", progress.GetProperty("completedLessons").EnumerateArray().Select(e => e.GetString()));

        // A waiting draft gets the body too, so publishing it does not undo the edit.
        var draft = Payloads.CourseWithoutQuizItems(courseId);
        draft["title"] = "Intro to finance, revised";
        await Read(await trainer.PutAsJsonAsync($"/api/courses/{courseId}/draft", draft), HttpStatusCode.OK);
        await Read(await trainer.PutAsJsonAsync(content, new JsonObject { ["format"] = "markdown", ["body"] = "Version three" }), HttpStatusCode.OK);
        await Read(await trainer.PostAsync(new Uri($"/api/courses/{courseId}/publish", UriKind.Relative), null), HttpStatusCode.OK);
        var after = await Read(await learner.GetAsync(new Uri(content, UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal(("Version three", 4), (after.GetProperty("body").GetString(), after.GetProperty("version").GetInt32()));

        // Bad input names its field and changes nothing; only the course's trainers (and admins) write.
        Assert.Equal("format", (await Problem.AssertAsync(await trainer.PutAsJsonAsync(content, new JsonObject { ["format"] = "html", ["body"] = "x" }), HttpStatusCode.BadRequest)).GetProperty("field").GetString());
        Assert.Equal("body", (await Problem.AssertAsync(await trainer.PutAsJsonAsync(content, new JsonObject { ["format"] = "markdown" }), HttpStatusCode.BadRequest)).GetProperty("field").GetString());
        Assert.Equal("body", (await Problem.AssertAsync(
            await trainer.PutAsJsonAsync(content, new JsonObject { ["format"] = "markdown", ["body"] = new string('x', 200_001) }), HttpStatusCode.BadRequest)).GetProperty("field").GetString());
        await Problem.AssertAsync(await learner.PutAsJsonAsync(content, new JsonObject { ["format"] = "markdown", ["body"] = "mine" }), HttpStatusCode.Forbidden);
        await Problem.AssertAsync(await other.PutAsJsonAsync(content, new JsonObject { ["format"] = "markdown", ["body"] = "mine" }), HttpStatusCode.Forbidden);
        await Problem.AssertAsync(await trainer.PutAsJsonAsync($"/api/courses/{courseId}/lessons/nope/content", new JsonObject { ["format"] = "markdown", ["body"] = "x" }), HttpStatusCode.NotFound);
        Assert.Equal("Version three", (await Read(await learner.GetAsync(new Uri(content, UriKind.Relative)), HttpStatusCode.OK)).GetProperty("body").GetString());
    }

    [Fact]
    public async Task Bad_items_are_a_400_naming_the_contract_field_and_nothing_is_stored()
    {
        var (_, trainer) = await TrainerAsync();
        var courseId = Payloads.NewId("course")[..30];
        await Read(await trainer.PostAsJsonAsync("/api/courses", Payloads.CourseWithoutQuizItems(courseId)), HttpStatusCode.Created);
        var cases = new (JsonObject Body, string Field)[]
        {
            (Item("b1", "single-choice", new JsonArray("a")), "answer"),
            (Item("b2", "single-choice", "z"), "answer"),
            (Item("b3", "multiple-response", "a"), "answer"),
            (Item("b4", "numeric", new JsonObject { ["tolerance"] = 1 }), "answer.value"),
            (Item("b5", "numeric", new JsonObject { ["value"] = 1, ["tolerance"] = -1 }), "answer.tolerance"),
            (Item("b6", "short-answer", new JsonObject()), "answer.values"),
            (Item("b7", "short-answer", new JsonObject { ["pattern"] = "(a)\\1" }), "answer.pattern"),
            (Item("b8", "essay", "a"), "kind"),
            (With(Item("b9", "single-choice", "a"), "skills", new JsonArray("astrology")), "skills[0]"),
            (With(Item("b10", "single-choice", "a"), "choices", new JsonArray(Choice("a", "only"))), "choices"),
            (With(Item("b11", "single-choice", "a"), "prompt", " "), "prompt"),
            (With(Item("b12", "single-choice", "a"), "feedback", 3), "feedback"),
            (Item("Bad Id", "single-choice", "a"), "id"),
        };
        foreach (var (body, field) in cases)
        {
            var problem = await Problem.AssertAsync(await trainer.PostAsJsonAsync($"/api/courses/{courseId}/items", body), HttpStatusCode.BadRequest);
            Assert.Equal(field, problem.GetProperty("field").GetString());
            if (body["id"]!.GetValue<string>() is var id && id != "Bad Id")
            {
                await Problem.AssertAsync(await trainer.GetAsync(new Uri($"/api/courses/{courseId}/items/{id}", UriKind.Relative)), HttpStatusCode.NotFound);
            }
        }

        await Read(await trainer.PostAsJsonAsync($"/api/courses/{courseId}/items", Item("ok", "short-answer", new JsonObject { ["pattern"] = "irr|IRR" })), HttpStatusCode.Created);
        await Problem.AssertAsync(await trainer.PostAsJsonAsync($"/api/courses/{courseId}/items", Item("ok", "short-answer", "irr")), HttpStatusCode.Conflict);
        var pattern = await Read(await trainer.GetAsync(new Uri($"/api/courses/{courseId}/items/ok", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal("irr|IRR", pattern.GetProperty("answer").GetProperty("pattern").GetString());

        // The same store as the question bank.
        Assert.Equal("irr|IRR", (await Read(await trainer.GetAsync(new Uri($"/api/courses/{courseId}/question-bank/ok", UriKind.Relative)), HttpStatusCode.OK)).GetProperty("pattern").GetString());
    }

    [Fact]
    public async Task A_quiz_drawing_a_pool_publishes_only_when_the_bank_can_fill_it_and_attempts_draw_items_of_its_skills()
    {
        var (_, trainer) = await TrainerAsync();
        var courseId = Payloads.NewId("course")[..30];
        var course = Payloads.CourseWithoutQuizItems(courseId);
        course["modules"]![0]!["lessons"]![1]!["pool"] = new JsonObject { ["skills"] = new JsonArray("irr"), ["count"] = 2 };
        await Read(await trainer.PostAsJsonAsync("/api/courses", course), HttpStatusCode.Created);
        await Read(await trainer.PostAsJsonAsync($"/api/courses/{courseId}/items", With(Item("p1", "single-choice", "a"), "skills", new JsonArray("irr"))), HttpStatusCode.Created);
        await Read(await trainer.PostAsJsonAsync($"/api/courses/{courseId}/items", Item("n1", "single-choice", "a")), HttpStatusCode.Created);
        var short1 = await Problem.AssertAsync(await trainer.PostAsync(new Uri($"/api/courses/{courseId}/publish", UriKind.Relative), null), HttpStatusCode.Conflict);
        Assert.Equal("modules[0].lessons[1].pool.count", short1.GetProperty("field").GetString());
        foreach (var id in new[] { "p2", "p3" })
        {
            await Read(await trainer.PostAsJsonAsync($"/api/courses/{courseId}/items", With(Item(id, "single-choice", "a"), "skills", new JsonArray("npv", "irr"))), HttpStatusCode.Created);
        }

        await Read(await trainer.PostAsync(new Uri($"/api/courses/{courseId}/publish", UriKind.Relative), null), HttpStatusCode.OK);
        var (learnerId, learner) = await EnrolledLearnerAsync(courseId);
        var attempt = await Read(await learner.PostAsync(new Uri($"/api/learners/{learnerId}/courses/{courseId}/lessons/l2/attempts", UriKind.Relative), null), HttpStatusCode.Created);
        var drawn = attempt.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList();
        Assert.Equal(2, drawn.Count);
        Assert.All(drawn, id => Assert.Contains(id, new[] { "p1", "p2", "p3" }));

        var bad = Payloads.CourseWithoutQuizItems(Payloads.NewId("course")[..30]);
        bad["modules"]![0]!["lessons"]![1]!["pool"] = new JsonObject { ["skills"] = new JsonArray("irr"), ["count"] = 0 };
        Assert.Equal("modules[0].lessons[1].pool.count", (await Problem.AssertAsync(await trainer.PostAsJsonAsync("/api/courses", bad), HttpStatusCode.BadRequest)).GetProperty("field").GetString());
    }

    [Fact]
    public async Task Practice_by_skill_gives_the_next_item_with_pCorrect_and_reason_and_answers_move_mastery_up_to_the_courses_threshold()
    {
        var (_, trainer) = await TrainerAsync();
        var courseId = Payloads.NewId("course")[..30];
        var course = Payloads.CourseWithoutQuizItems(courseId);
        course["masteryThreshold"] = 0.9;
        await Read(await trainer.PostAsJsonAsync("/api/courses", course), HttpStatusCode.Created);
        Assert.Equal(0.9, (await Read(await trainer.GetAsync(new Uri($"/api/courses/{courseId}", UriKind.Relative)), HttpStatusCode.OK)).GetProperty("masteryThreshold").GetDouble());
        foreach (var id in new[] { "s1", "s2", "s3" })
        {
            await Read(await trainer.PostAsJsonAsync($"/api/courses/{courseId}/items", Item(id, "single-choice", "a")), HttpStatusCode.Created);
        }

        await Read(await trainer.PostAsync(new Uri($"/api/courses/{courseId}/publish", UriKind.Relative), null), HttpStatusCode.OK);
        var (learnerId, learner) = await EnrolledLearnerAsync(courseId);
        var practice = $"/api/learners/{learnerId}/courses/{courseId}/practice";

        using var firstResponse = await learner.GetAsync(new Uri($"{practice}/next?skill=npv", UriKind.Relative));
        var firstText = await firstResponse.Content.ReadAsStringAsync();
        Assert.True(firstResponse.StatusCode == HttpStatusCode.OK, firstText);
        Assert.DoesNotContain("\"answer\"", firstText, StringComparison.Ordinal);
        var next = JsonDocument.Parse(firstText).RootElement;
        var itemId = next.GetProperty("itemId").GetString()!;
        Assert.Contains(itemId, new[] { "s1", "s2", "s3" });
        Assert.Equal(("single-choice", 2), (next.GetProperty("kind").GetString(), next.GetProperty("choices").GetArrayLength()));
        Assert.False(string.IsNullOrWhiteSpace(next.GetProperty("prompt").GetString()));
        Assert.InRange(next.GetProperty("pCorrect").GetDouble(), 0, 1);
        Assert.Contains("%", next.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(0.9, next.GetProperty("threshold").GetDouble());

        // The same item until it is answered.
        Assert.Equal(itemId, (await Read(await learner.GetAsync(new Uri($"{practice}/next?skill=npv", UriKind.Relative)), HttpStatusCode.OK)).GetProperty("itemId").GetString());
        var notWaiting = await Problem.AssertAsync(await learner.PostAsJsonAsync($"{practice}/answers", new JsonObject { ["itemId"] = itemId == "s1" ? "s2" : "s1", ["response"] = "a" }), HttpStatusCode.Conflict);
        Assert.Equal("itemId", notWaiting.GetProperty("field").GetString());
        var wrongShape = await Problem.AssertAsync(await learner.PostAsJsonAsync($"{practice}/answers", new JsonObject { ["itemId"] = itemId, ["response"] = "z" }), HttpStatusCode.BadRequest);
        Assert.Equal("response", wrongShape.GetProperty("field").GetString());

        var answered = await Read(await learner.PostAsJsonAsync($"{practice}/answers", new JsonObject { ["itemId"] = itemId, ["response"] = "a" }), HttpStatusCode.OK);
        Assert.True(answered.GetProperty("correct").GetBoolean());
        var mastery = answered.GetProperty("masteryBySkill").GetProperty("npv").GetDouble();
        Assert.InRange(mastery, 0, 1);
        var progress = await Read(await learner.GetAsync(new Uri($"/api/learners/{learnerId}/courses/{courseId}/progress", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal(mastery, progress.GetProperty("masteryBySkill").GetProperty("npv").GetDouble(), 6);

        // Practice stops at the course's threshold, not a constant.
        var mastered = false;
        for (var i = 0; i < 30 && !mastered; i++)
        {
            var view = await Read(await learner.GetAsync(new Uri($"{practice}/next?skill=npv", UriKind.Relative)), HttpStatusCode.OK);
            if (view.GetProperty("status").GetString() == "mastered")
            {
                Assert.Equal(JsonValueKind.Null, view.GetProperty("itemId").ValueKind);
                Assert.True(view.GetProperty("mastery").GetDouble() >= 0.9);
                mastered = true;
                continue;
            }

            Assert.True(view.GetProperty("mastery").GetDouble() < 0.9 || i < 2, "practice went on past the threshold after the minimum evidence");
            await Read(await learner.PostAsJsonAsync($"{practice}/answers", new JsonObject { ["itemId"] = view.GetProperty("itemId").GetString(), ["response"] = "a" }), HttpStatusCode.OK);
        }

        Assert.True(mastered, "practice of npv never reached the course's threshold of 0.9 in 30 correct answers");
        Assert.Equal("skill", (await Problem.AssertAsync(await learner.GetAsync(new Uri($"{practice}/next", UriKind.Relative)), HttpStatusCode.BadRequest)).GetProperty("field").GetString());
        var bad = Payloads.CourseWithoutQuizItems(Payloads.NewId("course")[..30]);
        bad["masteryThreshold"] = 0.3;
        Assert.Equal("masteryThreshold", (await Problem.AssertAsync(await trainer.PostAsJsonAsync("/api/courses", bad), HttpStatusCode.BadRequest)).GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_paid_course_answers_403_to_attempts_and_practice_before_access()
    {
        var (_, trainer) = await TrainerAsync();
        var courseId = Payloads.NewId("course")[..30];
        var course = Payloads.Course(courseId, paid: true);
        await Read(await trainer.PostAsJsonAsync("/api/courses", course), HttpStatusCode.Created);
        await Payloads.PublishAsync(trainer, courseId, course);
        var learnerId = Payloads.NewId("learner")[..30];
        using (var anonymous = fixture.Platform.Client(admin: false))
        {
            await Read(await anonymous.PostAsJsonAsync("/api/learners", Payloads.Learner(learnerId)), HttpStatusCode.Created);
        }

        var learner = await SignedIn(learnerId);
        await Problem.AssertAsync(await learner.PostAsync(new Uri($"/api/learners/{learnerId}/courses/{courseId}/lessons/l2/attempts", UriKind.Relative), null), HttpStatusCode.Forbidden);
        await Problem.AssertAsync(await learner.GetAsync(new Uri($"/api/learners/{learnerId}/courses/{courseId}/practice/next?skill=npv", UriKind.Relative)), HttpStatusCode.Forbidden);
        await Problem.AssertAsync(await learner.PostAsJsonAsync($"/api/learners/{learnerId}/courses/{courseId}/practice/answers", new JsonObject { ["itemId"] = "q1", ["response"] = "a" }), HttpStatusCode.Forbidden);
        await Problem.AssertAsync(await learner.GetAsync(new Uri($"/api/courses/{courseId}/lessons/l1/content", UriKind.Relative)), HttpStatusCode.Forbidden);
    }

    /// <summary>Every property name anywhere in the document.</summary>
    private static IEnumerable<string> PropertyNames(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => PropertyNames(p.Value).Prepend(p.Name)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(PropertyNames),
        _ => [],
    };

    private static JsonObject Choice(string id, string text) => new() { ["id"] = id, ["text"] = text };

    private static JsonObject Item(string id, string kind, JsonNode? answer) => new()
    {
        ["id"] = id, ["kind"] = kind, ["prompt"] = $"Question {id}",
        ["choices"] = new JsonArray(Choice("a", "Right"), Choice("b", "Wrong")),
        ["answer"] = answer, ["skills"] = new JsonArray("npv"),
    };

    private static JsonObject With(JsonObject body, string name, JsonNode? value)
    {
        body[name] = value;
        return body;
    }

    private static JsonObject Statement(string learnerId, string courseId, string lessonId) => new()
    {
        ["actor"] = new JsonObject { ["account"] = new JsonObject { ["homePage"] = Payloads.Base, ["name"] = learnerId } },
        ["verb"] = new JsonObject { ["id"] = "http://adlnet.gov/expapi/verbs/completed" },
        ["object"] = new JsonObject { ["id"] = $"{Payloads.Base}/courses/{courseId}/lessons/{lessonId}" },
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
    };

    private async Task<(string Id, HttpClient Client)> TrainerAsync()
    {
        using var admin = fixture.Platform.Client();
        var trainerId = Payloads.NewId("trainer")[..24];
        await Read(await admin.PostAsJsonAsync("/api/trainers", new JsonObject { ["id"] = trainerId, ["name"] = "T", ["email"] = $"{trainerId}@example.org", ["password"] = Password }), HttpStatusCode.Created);
        return (trainerId, await SignedIn(trainerId));
    }

    private async Task<(string Id, HttpClient Client)> EnrolledLearnerAsync(string courseId)
    {
        using var admin = fixture.Platform.Client();
        var learnerId = Payloads.NewId("learner")[..30];
        await Read(await admin.PostAsJsonAsync("/api/learners", Payloads.Learner(learnerId)), HttpStatusCode.Created);
        await Read(await admin.PostAsJsonAsync($"/api/learners/{learnerId}/enrollments", new JsonObject { ["courseId"] = courseId }), HttpStatusCode.Created);
        return (learnerId, await SignedIn(learnerId));
    }

    private async Task<HttpClient> SignedIn(string username)
    {
        using var anonymous = fixture.Platform.Client(admin: false);
        using var token = await anonymous.PostAsJsonAsync("/api/auth/token", new JsonObject { ["username"] = username, ["password"] = Password });
        token.EnsureSuccessStatusCode();
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        var client = fixture.Platform.Client(admin: false);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    private static async Task<JsonElement> Read(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
