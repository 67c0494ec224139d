using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace AdaptiveMooc.Api.Tests;

internal static class Payloads
{
    public const string Base = "http://127.0.0.1:5080";

    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    /// <summary>l1 video, l2 quiz (items q1, q2; needs l1), l3 optional reading.</summary>
    public static JsonObject Course(string id, bool paid = false) => new()
    {
        ["id"] = id,
        ["title"] = "Intro to finance",
        ["field"] = "finance",
        ["description"] = "Money over time",
        ["language"] = "en",
        ["pricing"] = paid ? new JsonObject { ["kind"] = "paid", ["price"] = 49, ["currency"] = "EUR" } : new JsonObject { ["kind"] = "free" },
        ["certificate"] = new JsonObject { ["kind"] = paid ? "certificate" : "statement", ["passThreshold"] = 0.6 },
        ["startDate"] = null,
        ["modules"] = new JsonArray(new JsonObject
        {
            ["id"] = "m1",
            ["title"] = "Basics",
            ["lessons"] = new JsonArray(
                Lesson("l1", "video", []),
                new JsonObject
                {
                    ["id"] = "l2", ["title"] = "Quiz", ["kind"] = "quiz", ["minutes"] = 10, ["skills"] = new JsonArray("npv"),
                    ["prerequisites"] = new JsonArray("l1"), ["required"] = true,
                    ["items"] = new JsonArray(new JsonObject { ["id"] = "q1", ["skills"] = new JsonArray("npv") }, new JsonObject { ["id"] = "q2", ["skills"] = new JsonArray("irr") }),
                },
                Lesson("l3", "reading", [], required: false)),
        }),
    };

    /// <summary>
    /// <see cref="Course"/> whose quiz l2 names no items (it teaches npv and irr): for tests that fill the question bank themselves and
    /// set l2's assessment through <c>PUT .../assessment</c>.
    /// </summary>
    public static JsonObject CourseWithoutQuizItems(string id, bool paid = false)
    {
        var course = Course(id, paid);
        var quiz = course["modules"]![0]!["lessons"]![1]!.AsObject();
        quiz.Remove("items");
        quiz["skills"] = new JsonArray("npv", "irr");
        return course;
    }

    /// <summary>
    /// A single-choice bank item (POST /api/courses/{courseId}/items) for every item the course's quizzes list, with the skills the
    /// lesson gives it: a course is published only when the bank holds them (docs/ASSESSMENTS.md). Choice "a" is right.
    /// </summary>
    public static IEnumerable<JsonObject> BankItemsFor(JsonObject course) =>
        (course["modules"]?.AsArray() ?? [])
            .SelectMany(m => m?["lessons"]?.AsArray() ?? [])
            .SelectMany(l => l?["items"]?.AsArray() ?? [])
            .Select(i => new JsonObject
            {
                ["id"] = i!["id"]!.GetValue<string>(),
                ["kind"] = "single-choice",
                ["prompt"] = $"Question {i["id"]}",
                ["choices"] = new JsonArray(new JsonObject { ["id"] = "a", ["text"] = "Right" }, new JsonObject { ["id"] = "b", ["text"] = "Wrong" }),
                ["answer"] = "a",
                ["skills"] = i["skills"]?.DeepClone() ?? new JsonArray("npv"),
            });

    /// <summary>Adds <see cref="BankItemsFor"/> to the course's bank (an item already there is fine), so it can be published.</summary>
    public static async Task BankAsync(HttpClient client, string courseId, JsonObject course)
    {
        foreach (var item in BankItemsFor(course))
        {
            using var response = await client.PostAsJsonAsync($"/api/courses/{courseId}/items", item);
            if (response.StatusCode != System.Net.HttpStatusCode.Conflict)
            {
                response.EnsureSuccessStatusCode();
            }
        }
    }

    /// <summary>Fills the bank for the course's quizzes, then publishes it.</summary>
    public static async Task PublishAsync(HttpClient client, string courseId, JsonObject course)
    {
        await BankAsync(client, courseId, course);
        (await client.PostAsync(new Uri($"/api/courses/{courseId}/publish", UriKind.Relative), null)).EnsureSuccessStatusCode();
    }

    public static JsonObject Lesson(string id, string kind, string[] prerequisites, bool required = true) => new()
    {
        ["id"] = id,
        ["title"] = $"Lesson {id}",
        ["kind"] = kind,
        ["minutes"] = 20,
        ["skills"] = new JsonArray("npv"),
        ["prerequisites"] = new JsonArray([.. prerequisites.Select(p => (JsonNode)p)]),
        ["required"] = required,
        ["contentUrl"] = "https://example.org/content",
    };

    public static JsonObject Learner(string id) => new()
    {
        ["id"] = id,
        ["name"] = "Ada Lovelace",
        ["email"] = $"{id}@example.org",
        ["password"] = "correct horse battery",
        ["timezone"] = "Europe/Paris",
        ["weeklyAvailability"] = new JsonArray(new JsonObject { ["day"] = "monday", ["start"] = "19:00", ["end"] = "21:00" }),
    };

    public static JsonObject Statement(
        string learnerId, string courseId, string lessonId, string verb, DateTimeOffset timestamp, Guid? id = null, string? duration = null, bool? completion = null)
    {
        var statement = new JsonObject
        {
            ["id"] = (id ?? Guid.NewGuid()).ToString(),
            ["actor"] = new JsonObject { ["account"] = new JsonObject { ["homePage"] = Base, ["name"] = learnerId } },
            ["verb"] = new JsonObject { ["id"] = "http://adlnet.gov/expapi/verbs/" + verb },
            ["object"] = new JsonObject { ["id"] = $"{Base}/courses/{courseId}/lessons/{lessonId}" },
            ["timestamp"] = timestamp.ToString("O"),
        };
        if (duration is not null || completion is not null)
        {
            var result = new JsonObject();
            if (duration is not null)
            {
                result["duration"] = duration;
            }

            if (completion is not null)
            {
                result["completion"] = completion;
            }

            statement["result"] = result;
        }

        return statement;
    }

    /// <summary>A published free course and an enrolled learner.</summary>
    public static async Task<(string LearnerId, string CourseId)> EnrolledLearner(HttpClient client)
    {
        var courseId = NewId("course");
        var learnerId = NewId("learner");
        var course = Course(courseId);
        (await client.PostAsJsonAsync("/api/courses", course)).EnsureSuccessStatusCode();
        await PublishAsync(client, courseId, course);
        (await client.PostAsJsonAsync("/api/learners", Learner(learnerId))).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"/api/learners/{learnerId}/enrollments", new JsonObject { ["courseId"] = courseId })).EnsureSuccessStatusCode();
        return (learnerId, courseId);
    }

    public static string Agent(string learnerId) =>
        Uri.EscapeDataString(new JsonObject { ["account"] = new JsonObject { ["homePage"] = Base, ["name"] = learnerId } }.ToJsonString());
}
