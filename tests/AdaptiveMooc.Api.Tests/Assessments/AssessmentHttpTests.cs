using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AdaptiveMooc.Api.Tests.Assessments;

/// <summary>Question banks, platform-graded attempts and item analysis over real HTTP (silo on PostgreSQL, API process).</summary>
[Collection(PlatformCollection.Name)]
public sealed class AssessmentHttpTests(PlatformFixture fixture)
{
    private const string Password = "correct horse battery";

    private static readonly string[] SecretTexts =
        ["correctChoiceIds", "acceptedAnswers", "pattern", "tolerance", "explanation", "feedback", "correctAnswer", "Discounting divides", "worth 1/(1+r)^t today", "110/1.1"];

    [Fact]
    public async Task Trainers_author_the_bank_and_bad_input_is_a_400_naming_the_field_that_stores_nothing()
    {
        var world = await World.CreateAsync(fixture);
        var bank = $"/api/courses/{world.CourseId}/question-bank";

        foreach (var item in new[] { Single("s1"), Multiple("m1"), Numeric("n1"), Short("t1") })
        {
            using var created = await world.Trainer.PostAsJsonAsync(bank, item);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Assert.Equal($"{bank}/{item["id"]}", created.Headers.Location?.OriginalString);
        }

        var cases = new (JsonObject Body, string Field)[]
        {
            (With(Single("x1"), "kind", "essay"), "kind"),
            (With(Single("x2"), "prompt", " "), "prompt"),
            (With(Single("x3"), "skills", new JsonArray("astrology")), "skills[0]"),
            (With(Single("x4"), "choices", new JsonArray(new JsonObject { ["id"] = "a", ["text"] = "only" })), "choices"),
            (With(Single("x5"), "correctChoiceIds", new JsonArray("a", "b")), "correctChoiceIds"),
            (With(Numeric("x6"), "answer", null), "answer"),
            (With(Numeric("x7"), "tolerance", -1), "tolerance"),
            (With(Short("x8"), "pattern", "(a)\\1"), "pattern"),
            (With(Single("Bad Id"), "id", "Bad Id"), "id"),
        };
        foreach (var (body, field) in cases)
        {
            var problem = await Problem.AssertAsync(await world.Trainer.PostAsJsonAsync(bank, body), HttpStatusCode.BadRequest);
            Assert.Equal(field, problem.GetProperty("field").GetString());
        }

        await Problem.AssertAsync(await world.Trainer.PostAsJsonAsync(bank, Single("s1")), HttpStatusCode.Conflict, "already");
        var list = await Read(await world.Trainer.GetAsync(new Uri(bank, UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal(["m1", "n1", "s1", "t1"], list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        var paged = await Read(await world.Trainer.GetAsync(new Uri($"{bank}?limit=3", UriKind.Relative)), HttpStatusCode.OK);
        var next = paged.GetProperty("next").GetString();
        var rest = await Read(await world.Trainer.GetAsync(new Uri($"{bank}?limit=3&after={Uri.EscapeDataString(next!)}", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal("t1", Assert.Single(rest.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        var bySkill = await Read(await world.Trainer.GetAsync(new Uri($"{bank}?skill=irr", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal("t1", Assert.Single(bySkill.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());

        var updated = await Read(await world.Trainer.PutAsJsonAsync($"{bank}/n1", With(Numeric("n1"), "tolerance", 2)), HttpStatusCode.OK);
        Assert.Equal(2, updated.GetProperty("tolerance").GetDouble());
        await Problem.AssertAsync(await world.Trainer.PutAsJsonAsync($"{bank}/n1", With(Numeric("n1"), "answer", "lots")), HttpStatusCode.BadRequest);
        Assert.Equal(2, (await Read(await world.Trainer.GetAsync(new Uri($"{bank}/n1", UriKind.Relative)), HttpStatusCode.OK)).GetProperty("tolerance").GetDouble());

        var assessment = $"/api/courses/{world.CourseId}/lessons/l2/assessment";
        var badAssessment = await Problem.AssertAsync(
            await world.Trainer.PutAsJsonAsync(assessment, new JsonObject { ["itemIds"] = new JsonArray("s1", "nope") }), HttpStatusCode.BadRequest);
        Assert.Equal("itemIds[1]", badAssessment.GetProperty("field").GetString());
        await Problem.AssertAsync(await world.Trainer.PutAsJsonAsync($"/api/courses/{world.CourseId}/lessons/l1/assessment", new JsonObject { ["itemIds"] = new JsonArray("s1") }), HttpStatusCode.BadRequest, "lessonId");
        await Problem.AssertAsync(await world.Trainer.GetAsync(new Uri(assessment, UriKind.Relative)), HttpStatusCode.NotFound);
        await Read(await world.Trainer.PutAsJsonAsync(assessment, new JsonObject { ["itemIds"] = new JsonArray("s1") }), HttpStatusCode.OK);
        await Problem.AssertAsync(await world.Trainer.DeleteAsync(new Uri($"{bank}/s1", UriKind.Relative)), HttpStatusCode.Conflict, "l2");
        Assert.Equal(HttpStatusCode.NoContent, (await world.Trainer.DeleteAsync(new Uri($"{bank}/m1", UriKind.Relative))).StatusCode);
        await Problem.AssertAsync(await world.Trainer.GetAsync(new Uri($"{bank}/m1", UriKind.Relative)), HttpStatusCode.NotFound);

        // The bank holds the keys: learners, other trainers and anonymous callers never read it.
        await Problem.AssertAsync(await world.Learner.GetAsync(new Uri(bank, UriKind.Relative)), HttpStatusCode.Forbidden);
        await Problem.AssertAsync(await world.Learner.GetAsync(new Uri($"{bank}/s1", UriKind.Relative)), HttpStatusCode.Forbidden);
        await Problem.AssertAsync(await world.OtherTrainer.GetAsync(new Uri(bank, UriKind.Relative)), HttpStatusCode.Forbidden);
        using var anonymous = fixture.Platform.Client(admin: false);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri(bank, UriKind.Relative))).StatusCode);
        var learnerView = await Read(await world.Learner.GetAsync(new Uri(assessment, UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal(1, learnerView.GetProperty("itemCount").GetInt32());
    }

    [Fact]
    public async Task A_learner_takes_a_quiz_without_seeing_keys_before_answering_and_the_platform_grade_counts()
    {
        var world = await World.CreateAsync(fixture);
        await world.BankAsync(new JsonObject { ["itemIds"] = new JsonArray("s1", "n1", "t1", "m1"), ["timeLimitMinutes"] = 30, ["maxAttempts"] = 2 });
        var attempts = $"/api/learners/{world.LearnerId}/courses/{world.CourseId}/lessons/l2/attempts";

        using var start = await world.Learner.PostAsync(new Uri(attempts, UriKind.Relative), null);
        var startText = await start.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        foreach (var secret in SecretTexts)
        {
            Assert.DoesNotContain(secret, startText, StringComparison.OrdinalIgnoreCase);
        }

        var attempt = JsonDocument.Parse(startText).RootElement;
        Assert.Equal(1, attempt.GetProperty("number").GetInt32());
        Assert.Equal("in-progress", attempt.GetProperty("status").GetString());
        Assert.Equal(4, attempt.GetProperty("items").GetArrayLength());
        Assert.Equal(3, attempt.GetProperty("items")[0].GetProperty("choices").GetArrayLength());
        var deadline = attempt.GetProperty("deadline").GetDateTimeOffset();
        Assert.InRange(deadline - attempt.GetProperty("startedAt").GetDateTimeOffset(), TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(30));

        // Starting again resumes the same attempt (200), still without keys.
        using (var resumed = await world.Learner.PostAsync(new Uri(attempts, UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
            Assert.DoesNotContain("correctChoiceIds", await resumed.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }

        var first = await Read(await world.Learner.PostAsJsonAsync($"{attempts}/1/answers", new JsonObject { ["itemId"] = "s1", ["choiceIds"] = new JsonArray("a") }), HttpStatusCode.OK);
        Assert.True(first.GetProperty("correct").GetBoolean());
        Assert.Equal("Right: discounting divides.", first.GetProperty("feedback").GetString());
        Assert.Equal("A payment in t years is worth 1/(1+r)^t today.", first.GetProperty("explanation").GetString());
        Assert.Equal("1/(1+r)^t", first.GetProperty("correctAnswer").GetString());

        // After one answer the attempt shows that item's explanation only: not n1's.
        var view = await world.Learner.GetStringAsync(new Uri(attempts, UriKind.Relative));
        Assert.Contains("worth 1/(1+r)^t today", view, StringComparison.Ordinal);
        Assert.DoesNotContain("110/1.1", view, StringComparison.Ordinal);

        var wrongShape = await Problem.AssertAsync(await world.Learner.PostAsJsonAsync($"{attempts}/1/answers", new JsonObject { ["itemId"] = "n1", ["text"] = "100" }), HttpStatusCode.BadRequest);
        Assert.Equal("number", wrongShape.GetProperty("field").GetString());
        var numeric = await Read(await world.Learner.PostAsJsonAsync($"{attempts}/1/answers", new JsonObject { ["itemId"] = "n1", ["number"] = 100.3 }), HttpStatusCode.OK);
        Assert.True(numeric.GetProperty("correct").GetBoolean());
        Assert.Equal("110/1.1 = 100.", numeric.GetProperty("explanation").GetString());
        var text = await Read(await world.Learner.PostAsJsonAsync($"{attempts}/1/answers", new JsonObject { ["itemId"] = "t1", ["text"] = " IRR " }), HttpStatusCode.OK);
        Assert.True(text.GetProperty("correct").GetBoolean());
        await Problem.AssertAsync(await world.Learner.PostAsJsonAsync($"{attempts}/1/answers", new JsonObject { ["itemId"] = "t1", ["text"] = "npv" }), HttpStatusCode.Conflict, "already answered");
        var multiple = await Read(await world.Learner.PostAsJsonAsync($"{attempts}/1/answers", new JsonObject { ["itemId"] = "m1", ["choiceIds"] = new JsonArray("a") }), HttpStatusCode.OK);
        Assert.False(multiple.GetProperty("correct").GetBoolean());

        var submitted = await Read(await world.Learner.PostAsync(new Uri($"{attempts}/1/submission", UriKind.Relative), null), HttpStatusCode.OK);
        Assert.Equal(0.75, submitted.GetProperty("score").GetDouble());
        Assert.True(submitted.GetProperty("passed").GetBoolean());

        // The platform's grade counts: the quiz is completed, mastery moved, and with the video done the certificate is earned.
        var progress = await Read(await world.Learner.GetAsync(new Uri($"/api/learners/{world.LearnerId}/courses/{world.CourseId}/progress", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Contains("l2", progress.GetProperty("completedLessons").EnumerateArray().Select(e => e.GetString()));
        Assert.True(progress.GetProperty("masteryBySkill").TryGetProperty("npv", out _), progress.ToString());
        Assert.True(progress.GetProperty("masteryBySkill").TryGetProperty("irr", out _), progress.ToString());
        await world.LearnerCompletesVideoAsync();
        var certificate = await Read(await world.Learner.PostAsync(new Uri($"/api/learners/{world.LearnerId}/courses/{world.CourseId}/certificate", UriKind.Relative), null), HttpStatusCode.OK);
        Assert.True(certificate.GetProperty("eligible").GetBoolean(), certificate.ToString());

        // The statements are the learner's, from the platform as grader: four answers and one pass.
        var statements = await Read(await world.Learner.GetAsync(new Uri($"/xapi/statements?agent={Payloads.Agent(world.LearnerId)}&verb={Uri.EscapeDataString("http://adlnet.gov/expapi/verbs/answered")}", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal(4, statements.GetProperty("statements").GetArrayLength());
        var firstAnswer = statements.GetProperty("statements").EnumerateArray().Single(s => s.GetProperty("object").GetProperty("id").GetString()!.EndsWith("/items/s1", StringComparison.Ordinal));
        Assert.True(firstAnswer.GetProperty("result").GetProperty("success").GetBoolean());
        Assert.Equal("npv", firstAnswer.GetProperty("context").GetProperty("extensions").EnumerateObject().Single().Value[0].GetString());

        // Other learners see nothing of it; a second attempt is allowed, a third is not.
        await Problem.AssertAsync(await world.OtherLearner.GetAsync(new Uri(attempts, UriKind.Relative)), HttpStatusCode.NotFound);
        await Problem.AssertAsync(await world.Trainer.PostAsync(new Uri(attempts, UriKind.Relative), null), HttpStatusCode.Forbidden);
        var second = await Read(await world.Learner.PostAsync(new Uri(attempts, UriKind.Relative), null), HttpStatusCode.Created);
        Assert.Equal(2, second.GetProperty("number").GetInt32());
        await Read(await world.Learner.PostAsync(new Uri($"{attempts}/2/submission", UriKind.Relative), null), HttpStatusCode.OK);
        await Problem.AssertAsync(await world.Learner.PostAsync(new Uri(attempts, UriKind.Relative), null), HttpStatusCode.Conflict, "attempts");
        var history = await Read(await world.Learner.GetAsync(new Uri(attempts, UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal(2, history.GetProperty("attemptsUsed").GetInt32());
        Assert.Equal(0.75, history.GetProperty("bestScore").GetDouble());
    }

    [Fact]
    public async Task A_learner_self_claimed_pass_on_a_quiz_gives_no_certificate_and_no_mastery()
    {
        var world = await World.CreateAsync(fixture);
        await world.BankAsync(new JsonObject { ["itemIds"] = new JsonArray("s1") });
        await world.LearnerCompletesVideoAsync();

        var claims = new[]
        {
            world.Statement("l2", "passed", score: 1.0),
            world.Statement("l2", "completed"),
            world.Statement("l2", "experienced", success: true),
            world.Statement("l2", "experienced", completion: true),
            world.Statement("l2", "answered", itemId: "s1", success: true),
        };
        foreach (var claim in claims)
        {
            await Problem.AssertAsync(await world.Learner.PostAsJsonAsync("/xapi/statements", claim), HttpStatusCode.Forbidden, "graded");
        }

        // Activity without a result is accepted, and is only activity.
        Assert.Equal(HttpStatusCode.OK, (await world.Learner.PostAsJsonAsync("/xapi/statements", world.Statement("l2", "attempted"))).StatusCode);

        var certificate = await Read(await world.Learner.PostAsync(new Uri($"/api/learners/{world.LearnerId}/courses/{world.CourseId}/certificate", UriKind.Relative), null), HttpStatusCode.OK);
        Assert.False(certificate.GetProperty("eligible").GetBoolean(), certificate.ToString());
        Assert.Contains("l2", certificate.GetProperty("missingLessons").EnumerateArray().Select(e => e.GetString()));
        var progress = await Read(await world.Learner.GetAsync(new Uri($"/api/learners/{world.LearnerId}/courses/{world.CourseId}/progress", UriKind.Relative)), HttpStatusCode.OK);
        Assert.DoesNotContain("l2", progress.GetProperty("completedLessons").EnumerateArray().Select(e => e.GetString()));
        Assert.Empty(progress.GetProperty("masteryBySkill").EnumerateObject());
        var certificates = await Read(await world.Learner.GetAsync(new Uri($"/api/learners/{world.LearnerId}/certificates", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Empty(certificates.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Concurrent_starts_and_submissions_over_http_respect_one_attempt()
    {
        var world = await World.CreateAsync(fixture);
        await world.BankAsync(new JsonObject { ["itemIds"] = new JsonArray("s1", "n1"), ["maxAttempts"] = 1 });
        var attempts = $"/api/learners/{world.LearnerId}/courses/{world.CourseId}/lessons/l2/attempts";

        var starts = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => world.Learner.PostAsync(new Uri(attempts, UriKind.Relative), null)));
        Assert.Single(starts, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(11, starts.Count(r => r.StatusCode == HttpStatusCode.OK));
        foreach (var response in starts)
        {
            Assert.Equal(1, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetInt32());
        }

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            world.Learner.PostAsJsonAsync($"{attempts}/1/answers", new JsonObject { ["itemId"] = "s1", ["choiceIds"] = new JsonArray("a") })));
        Assert.Single(answers, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(7, answers.Count(r => r.StatusCode == HttpStatusCode.Conflict));

        var submissions = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => world.Learner.PostAsync(new Uri($"{attempts}/1/submission", UriKind.Relative), null)));
        Assert.Single(submissions, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(11, submissions.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        await Problem.AssertAsync(await world.Learner.PostAsync(new Uri(attempts, UriKind.Relative), null), HttpStatusCode.Conflict, "attempts");

        var passed = await Read(await world.Learner.GetAsync(new Uri($"/xapi/statements?agent={Payloads.Agent(world.LearnerId)}&verb={Uri.EscapeDataString("http://adlnet.gov/expapi/verbs/passed")}", UriKind.Relative)), HttpStatusCode.OK);
        var failed = await Read(await world.Learner.GetAsync(new Uri($"/xapi/statements?agent={Payloads.Agent(world.LearnerId)}&verb={Uri.EscapeDataString("http://adlnet.gov/expapi/verbs/failed")}", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal(1, passed.GetProperty("statements").GetArrayLength() + failed.GetProperty("statements").GetArrayLength());
    }

    [Fact]
    public async Task Item_analysis_is_for_the_course_trainers()
    {
        var world = await World.CreateAsync(fixture);
        await world.BankAsync(new JsonObject { ["itemIds"] = new JsonArray("s1", "n1") });
        var attempts = $"/api/learners/{world.LearnerId}/courses/{world.CourseId}/lessons/l2/attempts";
        await Read(await world.Learner.PostAsync(new Uri(attempts, UriKind.Relative), null), HttpStatusCode.Created);
        await Read(await world.Learner.PostAsJsonAsync($"{attempts}/1/answers", new JsonObject { ["itemId"] = "s1", ["choiceIds"] = new JsonArray("b") }), HttpStatusCode.OK);
        await Read(await world.Learner.PostAsync(new Uri($"{attempts}/1/submission", UriKind.Relative), null), HttpStatusCode.OK);

        var analysis = await Read(await world.Trainer.GetAsync(new Uri($"/api/courses/{world.CourseId}/item-analysis", UriKind.Relative)), HttpStatusCode.OK);
        var rows = analysis.GetProperty("items").EnumerateArray().ToDictionary(r => r.GetProperty("itemId").GetString()!);
        Assert.Equal(1, rows["s1"].GetProperty("attempts").GetInt32());
        Assert.Equal(0, rows["s1"].GetProperty("shareCorrect").GetDouble());
        Assert.Equal("single-choice", rows["s1"].GetProperty("kind").GetString());
        Assert.Equal(0, rows["n1"].GetProperty("attempts").GetInt32());
        Assert.True(rows.ContainsKey("t1"));
        await Problem.AssertAsync(await world.Learner.GetAsync(new Uri($"/api/courses/{world.CourseId}/item-analysis", UriKind.Relative)), HttpStatusCode.Forbidden);
        await Problem.AssertAsync(await world.OtherTrainer.GetAsync(new Uri($"/api/courses/{world.CourseId}/item-analysis", UriKind.Relative)), HttpStatusCode.Forbidden);
        await Problem.AssertAsync(await world.Trainer.GetAsync(new Uri("/api/courses/no-such-course/item-analysis", UriKind.Relative)), HttpStatusCode.NotFound);
    }

    internal static JsonObject Single(string id) => new()
    {
        ["id"] = id, ["kind"] = "single-choice", ["prompt"] = "Which discount factor?", ["skills"] = new JsonArray("npv"),
        ["choices"] = new JsonArray(Choice("a", "1/(1+r)^t"), Choice("b", "(1+r)^t"), Choice("c", "r*t")),
        ["correctChoiceIds"] = new JsonArray("a"), ["feedbackCorrect"] = "Right: discounting divides.",
        ["feedbackIncorrect"] = "Discounting divides by (1+r)^t.", ["explanation"] = "A payment in t years is worth 1/(1+r)^t today.",
    };

    internal static JsonObject Multiple(string id) => new()
    {
        ["id"] = id, ["kind"] = "multiple-response", ["prompt"] = "Which raise the NPV?", ["skills"] = new JsonArray("npv"),
        ["choices"] = new JsonArray(Choice("a", "Lower rate"), Choice("b", "Earlier cash"), Choice("c", "Higher rate")),
        ["correctChoiceIds"] = new JsonArray("a", "b"),
    };

    internal static JsonObject Numeric(string id) => new()
    {
        ["id"] = id, ["kind"] = "numeric", ["prompt"] = "NPV of 110 in one year at 10%?", ["skills"] = new JsonArray("npv"),
        ["answer"] = 100, ["tolerance"] = 0.5, ["explanation"] = "110/1.1 = 100.",
    };

    internal static JsonObject Short(string id) => new()
    {
        ["id"] = id, ["kind"] = "short-answer", ["prompt"] = "The rate where NPV is zero?", ["skills"] = new JsonArray("irr"),
        ["acceptedAnswers"] = new JsonArray("internal rate of return"), ["pattern"] = "irr",
    };

    private static JsonObject Choice(string id, string text) => new() { ["id"] = id, ["text"] = text };

    private static JsonObject With(JsonObject item, string property, JsonNode? value)
    {
        item[property] = value;
        return item;
    }

    private static async Task<JsonElement> Read(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A published course (Payloads.Course) owned by a trainer, its enrolled learner, another learner and another trainer, each with their own token.</summary>
    private sealed class World
    {
        public required string CourseId { get; init; }

        public required string LearnerId { get; init; }

        public required HttpClient Trainer { get; init; }

        public required HttpClient OtherTrainer { get; init; }

        public required HttpClient Learner { get; init; }

        public required HttpClient OtherLearner { get; init; }

        public static async Task<World> CreateAsync(PlatformFixture fixture)
        {
            using var admin = fixture.Platform.Client();
            var trainerId = Payloads.NewId("trainer")[..20];
            var otherTrainerId = Payloads.NewId("trainer")[..20];
            foreach (var id in new[] { trainerId, otherTrainerId })
            {
                (await admin.PostAsJsonAsync("/api/trainers", new JsonObject { ["id"] = id, ["name"] = "T", ["email"] = $"{id}@example.org", ["password"] = Password })).EnsureSuccessStatusCode();
            }

            var trainer = await SignedIn(fixture, trainerId);
            var courseId = Payloads.NewId("course");
            (await trainer.PostAsJsonAsync("/api/courses", Payloads.CourseWithoutQuizItems(courseId))).EnsureSuccessStatusCode();
            (await trainer.PostAsync(new Uri($"/api/courses/{courseId}/publish", UriKind.Relative), null)).EnsureSuccessStatusCode();
            var learnerId = Payloads.NewId("learner");
            var otherLearnerId = Payloads.NewId("learner");
            foreach (var id in new[] { learnerId, otherLearnerId })
            {
                (await admin.PostAsJsonAsync("/api/learners", Payloads.Learner(id))).EnsureSuccessStatusCode();
                (await admin.PostAsJsonAsync($"/api/learners/{id}/enrollments", new JsonObject { ["courseId"] = courseId })).EnsureSuccessStatusCode();
            }

            return new World
            {
                CourseId = courseId,
                LearnerId = learnerId,
                Trainer = trainer,
                OtherTrainer = await SignedIn(fixture, otherTrainerId),
                Learner = await SignedIn(fixture, learnerId),
                OtherLearner = await SignedIn(fixture, otherLearnerId),
            };
        }

        /// <summary>The trainer fills the bank with s1, m1, n1, t1 and sets quiz l2's assessment.</summary>
        public async Task BankAsync(JsonObject assessment)
        {
            foreach (var item in new[] { Single("s1"), Multiple("m1"), Numeric("n1"), Short("t1") })
            {
                (await Trainer.PostAsJsonAsync($"/api/courses/{CourseId}/question-bank", item)).EnsureSuccessStatusCode();
            }

            await Read(await Trainer.PutAsJsonAsync($"/api/courses/{CourseId}/lessons/l2/assessment", assessment), HttpStatusCode.OK);
        }

        public async Task LearnerCompletesVideoAsync() =>
            Assert.Equal(HttpStatusCode.OK, (await Learner.PostAsJsonAsync("/xapi/statements", Statement("l1", "completed"))).StatusCode);

        public JsonObject Statement(string lessonId, string verb, string? itemId = null, double? score = null, bool? success = null, bool? completion = null)
        {
            var statement = Payloads.Statement(LearnerId, CourseId, lessonId, verb, DateTimeOffset.UtcNow);
            if (itemId is not null)
            {
                statement["object"] = new JsonObject { ["id"] = $"{Payloads.Base}/courses/{CourseId}/lessons/{lessonId}/items/{itemId}" };
            }

            var result = new JsonObject();
            if (score is { } s)
            {
                result["score"] = new JsonObject { ["scaled"] = s };
            }

            if (success is { } ok)
            {
                result["success"] = ok;
            }

            if (completion is { } done)
            {
                result["completion"] = done;
            }

            if (result.Count > 0)
            {
                statement["result"] = result;
            }

            return statement;
        }

        private static async Task<HttpClient> SignedIn(PlatformFixture fixture, string username)
        {
            using var anonymous = fixture.Platform.Client(admin: false);
            using var token = await anonymous.PostAsJsonAsync("/api/auth/token", new JsonObject { ["username"] = username, ["password"] = Password });
            token.EnsureSuccessStatusCode();
            var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
            var client = fixture.Platform.Client(admin: false);
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            return client;
        }
    }
}
