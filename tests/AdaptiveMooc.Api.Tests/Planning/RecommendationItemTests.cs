using System.Net.Http.Json;
using System.Text.Json;

namespace AdaptiveMooc.Api.Tests.Planning;

[Collection(PlatformCollection.Name)]
public sealed class RecommendationItemTests(PlatformFixture fixture)
{
    [Fact]
    public async Task Items_carry_the_lessons_title_kind_minutes_and_content_link_over_http()
    {
        using var client = fixture.Platform.Client();
        var (learnerId, courseId) = await Payloads.EnrolledLearner(client);

        var answer = await client.GetFromJsonAsync<JsonElement>($"/api/learners/{learnerId}/courses/{courseId}/recommendations");

        // Payloads.Course: l1 a 20-minute video and l3 a 20-minute reading, both with a content link.
        var items = answer.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("lessonId").GetString()!);
        Assert.Equal(["l1", "l3"], items.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Lesson l1", items["l1"].GetProperty("title").GetString());
        Assert.Equal("video", items["l1"].GetProperty("kind").GetString());
        Assert.Equal("reading", items["l3"].GetProperty("kind").GetString());
        Assert.All(items.Values, i =>
        {
            Assert.Equal(20, i.GetProperty("minutes").GetInt32());
            Assert.Equal("https://example.org/content", i.GetProperty("contentUrl").GetString());
            Assert.InRange(i.GetProperty("score").GetDouble(), 0, 1);
            Assert.NotEmpty(i.GetProperty("reasons").EnumerateArray());
        });
    }

    [Fact]
    public async Task A_lesson_without_a_content_link_is_recommended_with_a_null_one()
    {
        using var client = fixture.Platform.Client();
        var courseId = Payloads.NewId("course");
        var learnerId = Payloads.NewId("learner");
        var course = Payloads.Course(courseId);
        var lessons = course["modules"]![0]!["lessons"]!.AsArray();
        lessons[0]!.AsObject().Remove("contentUrl");
        lessons[0]!["title"] = "Time value of money";
        (await client.PostAsJsonAsync("/api/courses", course)).EnsureSuccessStatusCode();
        await Payloads.PublishAsync(client, courseId, course);
        (await client.PostAsJsonAsync("/api/learners", Payloads.Learner(learnerId))).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"/api/learners/{learnerId}/enrollments", new { courseId })).EnsureSuccessStatusCode();

        var answer = await client.GetFromJsonAsync<JsonElement>($"/api/learners/{learnerId}/courses/{courseId}/recommendations");

        var l1 = answer.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("lessonId").GetString() == "l1");
        Assert.Equal("Time value of money", l1.GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.Null, l1.GetProperty("contentUrl").ValueKind);
    }
}
