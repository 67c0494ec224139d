using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AdaptiveMooc.Api.Tests.Security;

/// <summary>
/// Enumerates every route and method of /openapi/v1.json and checks each role against
/// <see cref="AccessMatrix"/>. A route without a row, or a row without a route, fails the test.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed partial class AccessMatrixTests(SecurityFixture fixture)
{
    private const string Password = "correct-horse-battery";
    private static readonly string[] Scopes = ["statements:write", "statements:read", "recommendations:read", "analytics:read", "courses:write"];
    private static readonly string[] Methods = ["get", "post", "put", "delete", "patch"];

    /// <param name="id">The course id.</param>
    /// <param name="quiz">With quiz l2 (optional) for the assessment rows; the spare course has none, so completing l1 earns its certificate.</param>
    public static object Course(string id, bool quiz = false)
    {
        var lessons = new List<object>
        {
            new
            {
                id = "l1", title = "Lesson 1", kind = "video", minutes = 10, skills = new[] { "npv" },
                prerequisites = Array.Empty<string>(), required = true, contentUrl = "https://example.org/l1",
            },
        };
        if (quiz)
        {
            lessons.Add(new
            {
                id = "l2", title = "Quiz 1", kind = "quiz", minutes = 10, skills = new[] { "npv" },
                prerequisites = Array.Empty<string>(), required = false,
            });
        }

        return new
        {
            id,
            title = "Access matrix course",
            field = "finance",
            description = "Used by the access-matrix test.",
            language = "en",
            pricing = new { kind = "free" },
            certificate = new { kind = "statement", passThreshold = 0.6 },
            startDate = (string?)null,
            modules = new[] { new { id = "m1", title = "Module 1", lessons } },
        };
    }

    /// <summary>A valid single-choice bank item on the matrix course's skill.</summary>
    public static object BankItem(string id) => new
    {
        id,
        kind = "single-choice",
        prompt = "Which discount factor?",
        skills = new[] { "npv" },
        choices = new[] { new { id = "a", text = "1/(1+r)^t" }, new { id = "b", text = "(1+r)^t" } },
        correctChoiceIds = new[] { "a" },
    };

    [Fact]
    public async Task Every_route_answers_every_role_as_the_matrix_says()
    {
        var routes = await OpenApiRoutesAsync();
        var missing = routes.Where(r => !AccessMatrix.Routes.ContainsKey(r)).ToList();
        var stale = AccessMatrix.Routes.Keys.Where(r => !routes.Contains(r)).ToList();
        var (scenario, credentials) = await SetUpAsync();

        var failures = new List<string>();
        foreach (var route in routes.Where(AccessMatrix.Routes.ContainsKey))
        {
            var rule = AccessMatrix.Routes[route];
            // Admin last: its calls may change state (revoke the key, add the co-trainer) the others should not see.
            foreach (var role in Enum.GetValues<Role>().OrderBy(r => r == Role.Admin))
            {
                var status = await SendAsync(route, rule, scenario, credentials(role, rule.Scope));
                var expected = rule.Expected[role];
                if (!Matches(expected, status))
                {
                    failures.Add($"{route} as {role}: expected {expected}, got {(int)status}");
                }
            }
        }

        var report = new StringBuilder();
        foreach (var route in missing)
        {
            report.AppendLine($"{route}: in /openapi/v1.json but has no row in AccessMatrix.cs (declare who may call it)");
        }

        foreach (var route in stale)
        {
            report.AppendLine($"{route}: has a row in AccessMatrix.cs but is not in /openapi/v1.json");
        }

        foreach (var failure in failures)
        {
            report.AppendLine(failure);
        }

        Assert.True(report.Length == 0, report.ToString());
    }

    private static bool Matches(Expect expected, HttpStatusCode status) => expected switch
    {
        Expect.Unauthorized => status == HttpStatusCode.Unauthorized,
        Expect.Forbidden => status == HttpStatusCode.Forbidden,
        Expect.NotFound => status == HttpStatusCode.NotFound,
        _ => (int)status < 500 && status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
            or HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed),
    };

    private async Task<HashSet<string>> OpenApiRoutesAsync()
    {
        using var response = await fixture.Main.Http.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.Content.ReadFromJsonAsync<JsonElement>();
        var routes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => Methods.Contains(o.Name)))
            {
                routes.Add($"{operation.Name.ToUpperInvariant()} {path.Name}");
            }
        }

        Assert.NotEmpty(routes);
        return routes;
    }

    private async Task<HttpStatusCode> SendAsync(string route, AccessRule rule, AccessScenario scenario, Credential credential)
    {
        var space = route.IndexOf(' ', StringComparison.Ordinal);
        var method = new HttpMethod(route[..space]);
        var path = Placeholder().Replace(route[(space + 1)..], m =>
        {
            var name = m.Groups[1].Value;
            return Uri.EscapeDataString(scenario[rule.Parameters.TryGetValue(name, out var mapped) ? mapped : name]);
        });
        if (rule.Query is not null)
        {
            path += "?" + rule.Query(scenario);
        }

        using var request = fixture.Request(method, path, credential, rule.Body?.Invoke(scenario));
        request.Headers.Add("X-Experience-API-Version", "1.0.3");
        // Headers only: a server-sent event stream never ends, and the status is all the matrix needs.
        using var response = await fixture.Main.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return response.StatusCode;
    }

    private async Task<(AccessScenario Scenario, Func<Role, string?, Credential> Credentials)> SetUpAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var trainer = await fixture.CreateTrainerAsync(Password);
        var otherTrainer = await fixture.CreateTrainerAsync(Password);
        var spareTrainer = await fixture.CreateTrainerAsync(Password);
        var trainerToken = (await fixture.TokenAsync(fixture.Main, trainer, Password)).AccessToken;
        var otherTrainerToken = (await fixture.TokenAsync(fixture.Main, otherTrainer, Password)).AccessToken;

        var provider = "p-" + suffix;
        await ExpectAsync(HttpMethod.Post, "/api/providers", fixture.Admin, new { id = provider, name = "Access matrix provider", adminTrainerId = trainer }, HttpStatusCode.Created);

        var course = "c-" + suffix;
        var spareCourse = "c2-" + suffix;
        foreach (var id in new[] { course, spareCourse })
        {
            await ExpectAsync(HttpMethod.Post, "/api/courses", Credential.Bearer(trainerToken), Course(id, quiz: id == course), HttpStatusCode.Created);
            await ExpectAsync(HttpMethod.Post, $"/api/courses/{id}/publish", Credential.Bearer(trainerToken), null, HttpStatusCode.OK);
        }

        var learner = "l-" + suffix;
        var otherLearner = "l2-" + suffix;
        var doomedLearner = "l3-" + suffix;
        foreach (var id in new[] { learner, otherLearner, doomedLearner })
        {
            await ExpectAsync(HttpMethod.Post, "/api/learners", Credential.None, new
            {
                id,
                name = "Learner " + id,
                email = $"{id}@example.org",
                password = Password,
                timezone = "Europe/London",
                weeklyAvailability = new[] { new { day = "monday", start = "19:00", end = "21:00" } },
            }, HttpStatusCode.Created);
        }

        var learnerToken = (await fixture.TokenAsync(fixture.Main, learner, Password)).AccessToken;
        var otherLearnerToken = (await fixture.TokenAsync(fixture.Main, otherLearner, Password)).AccessToken;
        foreach (var id in new[] { course, spareCourse })
        {
            await ExpectAsync(HttpMethod.Post, $"/api/learners/{learner}/enrollments", Credential.Bearer(learnerToken), new { courseId = id }, HttpStatusCode.Created);
        }

        // The social rows need a thread opened by the learner with a trainer's reply, a webinar, and a
        // certificate. The certificate is earned in the spare course so the main course stays unfinished.
        var baseUrl = fixture.Main.BaseAddress.ToString().TrimEnd('/');
        var thread = await ExpectAsync(HttpMethod.Post, $"/api/courses/{course}/forum/threads", Credential.Bearer(learnerToken),
            new { title = "Access matrix thread", body = "Who may read this?" }, HttpStatusCode.Created);
        var threadId = thread.GetProperty("id").GetString()!;
        var reply = await ExpectAsync(HttpMethod.Post, $"/api/courses/{course}/forum/threads/{threadId}/posts", Credential.Bearer(trainerToken),
            new { body = "Enrolled learners and trainers." }, HttpStatusCode.Created);
        var webinar = await ExpectAsync(HttpMethod.Post, $"/api/courses/{course}/webinars", Credential.Bearer(trainerToken),
            new { title = "Access matrix webinar", start = DateTimeOffset.UtcNow.AddDays(7), minutes = 60, capacity = 50, joinUrl = "https://example.org/webinar" },
            HttpStatusCode.Created);
        await ExpectAsync(HttpMethod.Post, "/xapi/statements", Credential.Bearer(learnerToken), new
        {
            actor = new { account = new { homePage = baseUrl, name = learner } },
            verb = new { id = "http://adlnet.gov/expapi/verbs/completed" },
            @object = new { id = $"{baseUrl}/courses/{spareCourse}/lessons/l1" },
        }, HttpStatusCode.OK);
        // The completing statement already issued the certificate (automatic issuance): the route returns it, 200.
        var evaluation = await ExpectAsync(HttpMethod.Post, $"/api/learners/{learner}/courses/{spareCourse}/certificate", Credential.Bearer(learnerToken),
            null, HttpStatusCode.OK);

        var feed = await ExpectAsync(HttpMethod.Post, $"/api/learners/{otherLearner}/calendar-feed", Credential.Bearer(otherLearnerToken), null, HttpStatusCode.Created);
        var calendarToken = new Uri(feed.GetProperty("url").GetString()!).Segments[^1];

        // Assessments: a bank item on quiz l2's fixed list, and attempt 1 of it in progress for the learner.
        await ExpectAsync(HttpMethod.Post, $"/api/courses/{course}/question-bank", Credential.Bearer(trainerToken), BankItem("item-1"), HttpStatusCode.Created);
        await ExpectAsync(HttpMethod.Put, $"/api/courses/{course}/lessons/l2/assessment", Credential.Bearer(trainerToken), new { itemIds = new[] { "item-1" } }, HttpStatusCode.OK);
        await ExpectAsync(HttpMethod.Post, $"/api/learners/{learner}/courses/{course}/lessons/l2/attempts", Credential.Bearer(learnerToken), null, HttpStatusCode.Created);

        // A file of the course, for the media rows.
        using var upload = new HttpRequestMessage(HttpMethod.Post, $"/api/courses/{course}/media");
        upload.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", trainerToken);
        var png = new byte[256];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(png, 0);
        upload.Content = new MultipartFormDataContent { { new ByteArrayContent(png), "file", "figure.png" } };
        using var uploaded = await fixture.Main.Http.SendAsync(upload);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var mediaId = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var scope in Scopes)
        {
            keys[scope] = (await fixture.CreateApiKeyAsync(scope)).Key;
            keys["all-but:" + scope] = (await fixture.CreateApiKeyAsync(Scopes.Where(s => s != scope).ToArray())).Key;
        }

        var allScopes = (await fixture.CreateApiKeyAsync(Scopes)).Key;
        var (targetKeyId, _) = await fixture.CreateApiKeyAsync("analytics:read");

        var scenario = new AccessScenario
        {
            BaseUrl = baseUrl,
            Values = new Dictionary<string, string>
            {
                ["learnerId"] = learner,
                ["otherLearnerId"] = otherLearner,
                ["doomedLearnerId"] = doomedLearner,
                ["courseId"] = course,
                ["spareCourseId"] = spareCourse,
                ["trainerId"] = trainer,
                ["otherTrainerId"] = otherTrainer,
                ["spareTrainerId"] = spareTrainer,
                ["apiKeyId"] = targetKeyId,
                ["threadId"] = threadId,
                ["openingPostId"] = thread.GetProperty("openingPostId").GetString()!,
                ["postId"] = reply.GetProperty("id").GetString()!,
                ["webinarId"] = webinar.GetProperty("id").GetString()!,
                ["certificateId"] = evaluation.GetProperty("certificate").GetProperty("id").GetString()!,
                ["listId"] = "0",
                ["calendarToken"] = calendarToken,
                ["itemId"] = "item-1",
                ["lessonId"] = "l2",
                ["attempt"] = "1",
                ["contentLessonId"] = "l1",
                ["version"] = "1",
                ["mediaId"] = mediaId,
                ["providerId"] = provider,
                ["skill"] = "npv",
            },
        };

        Credential For(Role role, string? scope) => role switch
        {
            Role.Anonymous => Credential.None,
            Role.LearnerSelf => Credential.Bearer(learnerToken),
            Role.OtherLearner => Credential.Bearer(otherLearnerToken),
            Role.CourseTrainer => Credential.Bearer(trainerToken),
            Role.OtherTrainer => Credential.Bearer(otherTrainerToken),
            Role.Admin => fixture.Admin,
            Role.KeyWithScope => Credential.Key(scope is null ? allScopes : keys[scope]),
            _ => Credential.Key(scope is null ? allScopes : keys["all-but:" + scope]),
        };

        return (scenario, For);
    }

    private async Task<JsonElement> ExpectAsync(HttpMethod method, string path, Credential credential, object? body, HttpStatusCode expected)
    {
        using var request = fixture.Request(method, path, credential, body);
        request.Headers.Add("X-Experience-API-Version", "1.0.3");
        using var response = await fixture.Main.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{method} {path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonSerializer.Deserialize<JsonElement>(text);
    }

    [GeneratedRegex(@"\{([^}]+)\}")]
    private static partial Regex Placeholder();
}
