using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AdaptiveMooc.Api.Tests.Security;

/// <summary>
/// Small building blocks of the attack tests (Security/*Attack*): trainers, courses (Payloads.Course: l1 video,
/// l2 quiz with items q1 and q2, l3 optional reading), learners and statements on the security fixture.
/// </summary>
internal sealed class SecurityWorld(SecurityFixture fixture)
{
    public const string Password = "correct-horse-battery";

    public string BaseUrl => fixture.Main.BaseAddress.ToString().TrimEnd('/');

    public async Task<(string Id, Credential Token)> TrainerAsync(string? id = null)
    {
        id ??= "t-" + Guid.NewGuid().ToString("N")[..12];
        await ExpectAsync(HttpMethod.Post, "/api/trainers", fixture.Admin, new { id, name = "Trainer " + id, email = $"trainer-{id}@example.org", password = Password }, HttpStatusCode.Created);
        return (id, Credential.Bearer((await TokenAsync(id)).AccessToken));
    }

    public async Task<TokenAnswer> TokenAsync(string username, string password = Password)
    {
        using var response = await fixture.Main.Http.PostAsJsonAsync("/api/auth/token", new { username, password }, SecurityFixture.Json);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"sign-in of {username}: {(int)response.StatusCode} {text}");
        return JsonSerializer.Deserialize<TokenAnswer>(text, SecurityFixture.Json)!;
    }

    /// <summary>Creates and publishes a course owned by <paramref name="owner"/>; returns its id.</summary>
    public async Task<string> CourseAsync(Credential owner, JsonObject? definition = null)
    {
        var id = "c-" + Guid.NewGuid().ToString("N")[..12];
        definition ??= Payloads.Course(id);
        definition["id"] = id;
        await ExpectAsync(HttpMethod.Post, "/api/courses", owner, definition, HttpStatusCode.Created);
        foreach (var item in Payloads.BankItemsFor(definition))
        {
            await ExpectAsync(HttpMethod.Post, $"/api/courses/{id}/items", owner, item, HttpStatusCode.Created);
        }

        await ExpectAsync(HttpMethod.Post, $"/api/courses/{id}/publish", owner, null, HttpStatusCode.OK);
        return id;
    }

    /// <summary>Registers a learner (enrolled in <paramref name="courseIds"/>, now); returns its id and token.</summary>
    public async Task<(string Id, Credential Token)> LearnerAsync(string? id = null, params string[] courseIds)
    {
        id ??= "l-" + Guid.NewGuid().ToString("N")[..12];
        var body = Payloads.Learner(id);

        // Its own password: an id that also names a trainer signs in as whichever account the password fits.
        var password = Password + "-learner";
        body["password"] = password;
        await ExpectAsync(HttpMethod.Post, "/api/learners", Credential.None, body, HttpStatusCode.Created);
        var token = Credential.Bearer((await TokenAsync(id, password)).AccessToken);
        foreach (var courseId in courseIds)
        {
            await ExpectAsync(HttpMethod.Post, $"/api/learners/{id}/enrollments", token, new { courseId }, HttpStatusCode.Created);
        }

        return (id, token);
    }

    public JsonObject Statement(
        string learnerId, string courseId, string lessonId, string verb, string? itemId = null,
        double? score = null, bool? success = null, bool? completion = null, DateTimeOffset? timestamp = null, ApiHost? host = null)
    {
        // Each API process interprets actors and activities of its own public base URL.
        var baseUrl = host is null ? BaseUrl : host.BaseAddress.ToString().TrimEnd('/');
        var activity = $"{baseUrl}/courses/{courseId}/lessons/{lessonId}" + (itemId is null ? string.Empty : $"/items/{itemId}");
        var statement = new JsonObject
        {
            ["actor"] = new JsonObject { ["account"] = new JsonObject { ["homePage"] = baseUrl, ["name"] = learnerId } },
            ["verb"] = new JsonObject { ["id"] = "http://adlnet.gov/expapi/verbs/" + verb },
            ["object"] = new JsonObject { ["id"] = activity },
        };
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

        if (timestamp is { } at)
        {
            statement["timestamp"] = at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        }

        return statement;
    }

    public async Task<HttpResponseMessage> PostStatementsAsync(Credential credential, JsonNode body, ApiHost? host = null)
    {
        var request = fixture.Request(HttpMethod.Post, "/xapi/statements", credential);
        request.Content = JsonContent.Create(body);
        request.Headers.Add("X-Experience-API-Version", "1.0.3");
        return await (host ?? fixture.Main).Http.SendAsync(request);
    }

    public async Task<JsonElement> ExpectAsync(HttpMethod method, string path, Credential credential, object? body, HttpStatusCode expected, ApiHost? host = null)
    {
        using var request = fixture.Request(method, path, credential, body);
        using var response = await (host ?? fixture.Main).Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{method} {path}: expected {(int)expected}, got {(int)response.StatusCode} {text}");
        return text.Length == 0 || response.Content.Headers.ContentType?.MediaType is not ("application/json" or "application/problem+json")
            ? default
            : JsonSerializer.Deserialize<JsonElement>(text);
    }
}
