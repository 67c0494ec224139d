using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AdaptiveMooc.Api.Tests.Payments;

/// <summary>Learners, trainers and their signed-in HTTP clients, made through the public API.</summary>
internal static class Actors
{
    public const string Password = "correct horse battery";

    public static async Task<(string Id, HttpClient Client)> LearnerAsync(PlatformProcesses platform)
    {
        var id = Payloads.NewId("learner");
        using var admin = platform.Client();
        (await admin.PostAsJsonAsync("/api/learners", Payloads.Learner(id))).EnsureSuccessStatusCode();
        return (id, await SignedInAsync(platform, id));
    }

    public static async Task<(string Id, HttpClient Client)> TrainerAsync(PlatformProcesses platform)
    {
        var id = Payloads.NewId("trainer");
        using var admin = platform.Client();
        (await admin.PostAsJsonAsync("/api/trainers", new { id, name = "Grace Hopper", email = $"{id}@example.org", password = Password })).EnsureSuccessStatusCode();
        return (id, await SignedInAsync(platform, id));
    }

    /// <summary>A published course (Payloads.Course: l1 video, l2 quiz, l3 optional), paid 49 EUR unless free.</summary>
    public static async Task<string> CourseAsync(HttpClient owner, bool paid = true, string? providerId = null)
    {
        var id = Payloads.NewId("course");
        var course = Payloads.Course(id, paid);
        if (providerId is not null)
        {
            course["providerId"] = providerId;
        }

        await ReadAsync(await owner.PostAsJsonAsync("/api/courses", course), HttpStatusCode.Created);
        await Payloads.BankAsync(owner, id, course);
        await ReadAsync(await owner.PostAsync(new Uri($"/api/courses/{id}/publish", UriKind.Relative), null), HttpStatusCode.OK);
        return id;
    }

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
            return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        }
    }

    public static async Task<HttpStatusCode> StatusAsync(Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        return response.StatusCode;
    }

    public static JsonObject Completed(string learnerId, string courseId, string lessonId) =>
        Payloads.Statement(learnerId, courseId, lessonId, "completed", DateTimeOffset.UtcNow);

    private static async Task<HttpClient> SignedInAsync(PlatformProcesses platform, string id)
    {
        var client = platform.Client(admin: false);
        var token = await ReadAsync(await client.PostAsJsonAsync("/api/auth/token", new { username = id, password = Password }), HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return client;
    }
}
