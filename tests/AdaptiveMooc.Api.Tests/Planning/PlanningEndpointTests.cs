using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AdaptiveMooc.Api.Tests.Planning;

[Collection(PlatformCollection.Name)]
public sealed class PlanningEndpointTests(PlatformFixture fixture)
{
    [Fact]
    public async Task Recommendations_follow_prerequisites_and_progress_over_http()
    {
        using var client = fixture.Platform.Client();
        var (learnerId, courseId) = await Payloads.EnrolledLearner(client);
        var url = $"/api/learners/{learnerId}/courses/{courseId}/recommendations";

        var cold = await client.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal("prior-1", cold.GetProperty("modelVersion").GetString());
        var coldItems = cold.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["l1", "l3"], coldItems.Select(i => i.GetProperty("lessonId").GetString()));
        Assert.All(coldItems, i =>
        {
            Assert.InRange(i.GetProperty("score").GetDouble(), 0, 1);
            var reasons = i.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()).ToList();
            Assert.Equal("prerequisites-met", reasons[0]);
            Assert.Contains("cold-start", reasons);
        });

        (await client.PostAsJsonAsync("/xapi/statements", Payloads.Statement(learnerId, courseId, "l1", "completed", DateTimeOffset.UtcNow.AddMinutes(-5)))).EnsureSuccessStatusCode();
        var warm = await client.GetFromJsonAsync<JsonElement>(url);

        // The shipped ranking model scores a learner with lesson activity; modelVersion names the model set.
        // l2 became a candidate (its prerequisite is done); which of l2 and l3 comes first is the model's call.
        Assert.StartsWith("models-", warm.GetProperty("modelVersion").GetString(), StringComparison.Ordinal);
        var warmItems = warm.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["l2", "l3"], warmItems.Select(i => i.GetProperty("lessonId").GetString()).Order(StringComparer.Ordinal));
        Assert.All(warmItems, i => Assert.DoesNotContain("cold-start", i.GetProperty("reasons").EnumerateArray().Select(r => r.GetString())));
        var limited = await client.GetFromJsonAsync<JsonElement>(url + "?limit=1");
        var only = Assert.Single(limited.GetProperty("items").EnumerateArray());
        Assert.Contains(only.GetProperty("lessonId").GetString(), new[] { "l2", "l3" });
    }

    [Fact]
    public async Task Plan_is_inside_the_windows_stable_and_recomputed_after_a_statement()
    {
        using var client = fixture.Platform.Client();
        var (learnerId, courseId) = await Payloads.EnrolledLearner(client);
        var url = $"/api/learners/{learnerId}/courses/{courseId}/plan?weeks=2";

        var first = await client.GetStringAsync(url);
        var second = await client.GetStringAsync(url);
        Assert.Equal(first, second);

        var plan = JsonDocument.Parse(first).RootElement;
        Assert.True(plan.GetProperty("onTrack").GetBoolean());
        Assert.Equal(JsonValueKind.String, plan.GetProperty("projectedCompletion").ValueKind);
        Assert.Equal(JsonValueKind.Number, plan.GetProperty("weeklyHoursNeeded").ValueKind);
        Assert.StartsWith("On track", plan.GetProperty("explanation").GetString(), StringComparison.Ordinal);
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var sessions = plan.GetProperty("sessions").EnumerateArray().ToList();
        Assert.NotEmpty(sessions);
        Assert.All(sessions, s =>
        {
            var start = TimeZoneInfo.ConvertTime(s.GetProperty("start").GetDateTimeOffset(), paris);
            var end = TimeZoneInfo.ConvertTime(s.GetProperty("end").GetDateTimeOffset(), paris);
            Assert.Equal(DayOfWeek.Monday, start.DayOfWeek);
            Assert.True(start.TimeOfDay >= TimeSpan.FromHours(19) && end.TimeOfDay <= TimeSpan.FromHours(21) && end > start);
        });
        Assert.Equal(["l1", "l2"], sessions.SelectMany(s => s.GetProperty("lessonIds").EnumerateArray().Select(l => l.GetString())).Distinct());

        (await client.PostAsJsonAsync("/xapi/statements", Payloads.Statement(learnerId, courseId, "l1", "completed", DateTimeOffset.UtcNow.AddMinutes(-5)))).EnsureSuccessStatusCode();
        var after = await client.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal(["l2"], after.GetProperty("sessions").EnumerateArray().SelectMany(s => s.GetProperty("lessonIds").EnumerateArray().Select(l => l.GetString())).Distinct());
    }

    [Fact]
    public async Task Empty_availability_answers_a_plan_that_explains_itself()
    {
        using var client = fixture.Platform.Client();
        var (learnerId, courseId) = await Payloads.EnrolledLearner(client);
        var cleared = await client.PutAsJsonAsync($"/api/learners/{learnerId}/availability", new JsonObject { ["weeklyAvailability"] = new JsonArray() });
        Assert.True(cleared.IsSuccessStatusCode, await cleared.Content.ReadAsStringAsync());

        var plan = await client.GetFromJsonAsync<JsonElement>($"/api/learners/{learnerId}/courses/{courseId}/plan");

        Assert.False(plan.GetProperty("onTrack").GetBoolean());
        Assert.Empty(plan.GetProperty("sessions").EnumerateArray());
        Assert.Contains("No weekly availability", plan.GetProperty("explanation").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("recommendations?limit=0", "limit")]
    [InlineData("recommendations?limit=51", "limit")]
    [InlineData("recommendations?limit=two", "limit")]
    [InlineData("plan?weeks=0", "weeks")]
    [InlineData("plan?weeks=13", "weeks")]
    [InlineData("plan?weeks=-1", "weeks")]
    public async Task Bad_query_values_are_400_naming_the_field(string route, string field)
    {
        using var client = fixture.Platform.Client();
        var (learnerId, courseId) = await Payloads.EnrolledLearner(client);

        var problem = await Problem.AssertAsync(await client.GetAsync(new Uri($"/api/learners/{learnerId}/courses/{courseId}/{route}", UriKind.Relative)), HttpStatusCode.BadRequest, field);

        Assert.Equal(field, problem.GetProperty("field").GetString());
    }

    [Theory]
    [InlineData("recommendations")]
    [InlineData("plan")]
    public async Task Unknown_learner_or_course_is_404_and_no_credentials_401(string route)
    {
        using var client = fixture.Platform.Client();
        var (learnerId, _) = await Payloads.EnrolledLearner(client);

        await Problem.AssertAsync(await client.GetAsync(new Uri($"/api/learners/{learnerId}/courses/no-such-course/{route}", UriKind.Relative)), HttpStatusCode.NotFound);
        await Problem.AssertAsync(await client.GetAsync(new Uri($"/api/learners/nobody/courses/no-such-course/{route}", UriKind.Relative)), HttpStatusCode.NotFound);
        using var anonymous = fixture.Platform.Client(admin: false);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri($"/api/learners/{learnerId}/courses/c/{route}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Notifications_inbox_pages_and_validates()
    {
        using var client = fixture.Platform.Client();
        var (learnerId, courseId) = await Payloads.EnrolledLearner(client);
        (await client.GetAsync(new Uri($"/api/learners/{learnerId}/courses/{courseId}/plan", UriKind.Relative))).EnsureSuccessStatusCode();

        var inbox = await client.GetFromJsonAsync<JsonElement>($"/api/learners/{learnerId}/notifications");

        Assert.Equal(JsonValueKind.Array, inbox.GetProperty("items").ValueKind);
        Assert.Equal(JsonValueKind.Null, inbox.GetProperty("next").ValueKind);
        await Problem.AssertAsync(await client.GetAsync(new Uri($"/api/learners/{learnerId}/notifications?limit=0", UriKind.Relative)), HttpStatusCode.BadRequest, "limit");
        await Problem.AssertAsync(await client.GetAsync(new Uri($"/api/learners/{learnerId}/notifications?after=bm90LWEtY3Vyc29y", UriKind.Relative)), HttpStatusCode.BadRequest, "after");
        using var anonymous = fixture.Platform.Client(admin: false);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri($"/api/learners/{learnerId}/notifications", UriKind.Relative))).StatusCode);
    }
}
