using System.Net.Http.Json;
using System.Text.Json;

namespace AdaptiveMooc.Web.Tests;

/// <summary>Data the scenarios start from, made through the public API with the admin key.</summary>
internal static class Seed
{
    public const string Password = "a long passphrase 42";

    public static string Id(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(40, prefix.Length + 13)];

    public static async Task TrainerAsync(WebPlatform web, string id)
    {
        using var admin = web.Platform.Client();
        using var response = await admin.PostAsJsonAsync("/api/trainers", new { id, name = $"Trainer {id}", email = $"{id}@example.org", password = Password });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>A published free course of <paramref name="lessons"/> video lessons in a chain (each after the one before).</summary>
    public static async Task CourseAsync(WebPlatform web, string courseId, string ownerTrainerId, int lessons)
    {
        using var admin = web.Platform.Client();
        var body = new
        {
            id = courseId,
            title = $"Course {courseId}",
            field = "testing",
            description = "A course made by the browser tests. <script>alert('x')</script> stays text.",
            language = "en",
            pricing = new { kind = "free" },
            certificate = new { kind = "statement", passThreshold = 0.5 },
            ownerTrainerId,
            modules = new[]
            {
                new
                {
                    id = "m1",
                    title = "Basics",
                    lessons = Enumerable.Range(1, lessons).Select(i => new
                    {
                        id = $"l{i}",
                        title = $"Lesson {i}",
                        kind = "video",
                        minutes = 30,
                        skills = new[] { "basics" },
                        prerequisites = i == 1 ? Array.Empty<string>() : [$"l{i - 1}"],
                        required = true,
                        contentUrl = "https://example.org/video",
                    }).ToArray(),
                },
            },
        };
        using (var create = await admin.PostAsJsonAsync("/api/courses", body))
        {
            Assert.True(create.IsSuccessStatusCode, await create.Content.ReadAsStringAsync());
        }

        using var publish = await admin.PostAsync(new Uri($"/api/courses/{courseId}/publish", UriKind.Relative), null);
        publish.EnsureSuccessStatusCode();
    }

    public static async Task LearnerAsync(WebPlatform web, string id)
    {
        using var anonymous = web.Platform.Client(admin: false);
        var windows = new[] { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" }
            .Select(day => new { day, start = "06:00", end = "23:00" });
        using var response = await anonymous.PostAsJsonAsync(
            "/api/learners", new { id, name = $"Learner {id}", email = $"{id}@example.org", password = Password, timezone = "UTC", weeklyAvailability = windows });
        response.EnsureSuccessStatusCode();
    }

    public static async Task EnrolAsync(WebPlatform web, string learnerId, string courseId)
    {
        using var admin = web.Platform.Client();
        using var response = await admin.PostAsJsonAsync($"/api/learners/{learnerId}/enrollments", new { courseId });
        response.EnsureSuccessStatusCode();
    }

    public static async Task<JsonElement> GetAsync(WebPlatform web, string path)
    {
        using var admin = web.Platform.Client();
        return await admin.GetFromJsonAsync<JsonElement>(path);
    }
}
