using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AdaptiveMooc.Api.Tests;

[Collection(PlatformCollection.Name)]
public sealed class ValidationTests(PlatformFixture fixture)
{
    public static TheoryData<string, string> CourseMutations => new()
    {
        { "bad-id", "id" },
        { "duplicate-lesson", "modules[0].lessons[2].id" },
        { "missing-prerequisite", "prerequisites[0]" },
        { "cycle", "cycle" },
        { "zero-minutes", "minutes" },
        { "unknown-kind", "kind" },
        { "paid-without-currency", "pricing.currency" },
        { "free-diploma", "certificate.kind" },
        { "no-modules", "modules" },
        { "title-wrong-type", "$.title" },
    };

    [Theory]
    [MemberData(nameof(CourseMutations))]
    public async Task Invalid_course_is_refused_naming_the_field_and_not_stored(string mutation, string field)
    {
        using var client = fixture.Platform.Client();
        var id = Payloads.NewId("course");
        var course = Payloads.Course(id);
        var lessons = course["modules"]![0]!["lessons"]!.AsArray();
        switch (mutation)
        {
            case "bad-id": course["id"] = "Intro_Finance"; break;
            case "duplicate-lesson": lessons[2]!["id"] = "l1"; break;
            case "missing-prerequisite": lessons[0]!["prerequisites"] = new JsonArray("ghost"); break;
            case "cycle": lessons[0]!["prerequisites"] = new JsonArray("l2"); break;
            case "zero-minutes": lessons[0]!["minutes"] = 0; break;
            case "unknown-kind": lessons[0]!["kind"] = "podcast"; break;
            case "paid-without-currency": course["pricing"] = new JsonObject { ["kind"] = "paid", ["price"] = 10 }; break;
            case "free-diploma": course["certificate"] = new JsonObject { ["kind"] = "diploma", ["passThreshold"] = 0.5 }; break;
            case "no-modules": course["modules"] = new JsonArray(); break;
            case "title-wrong-type": course["title"] = 42; break;
        }

        var response = await client.PostAsJsonAsync("/api/courses", course);

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/api/courses/{id}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_cycle_is_reported_with_its_lessons()
    {
        using var client = fixture.Platform.Client();
        var course = Payloads.Course(Payloads.NewId("course"));
        course["modules"]![0]!["lessons"]![0]!["prerequisites"] = new JsonArray("l2");

        await Problem.AssertAsync(await client.PostAsJsonAsync("/api/courses", course), HttpStatusCode.BadRequest, "l1 -> l2 -> l1");
    }

    [Fact]
    public async Task Malformed_json_is_a_400_naming_the_problem()
    {
        using var client = fixture.Platform.Client();
        using var content = new StringContent("{\"id\": \"x\", ", Encoding.UTF8, "application/json");

        await Problem.AssertAsync(await client.PostAsync(new Uri("/api/courses", UriKind.Relative), content), HttpStatusCode.BadRequest, "JSON");
    }

    [Fact]
    public async Task Bodies_over_the_limit_are_413()
    {
        using var client = fixture.Platform.Client();
        var big = new string('x', 2 * 1024 * 1024);
        using var content = new StringContent($"{{\"id\": \"{big}\"}}", Encoding.UTF8, "application/json");

        await Problem.AssertAsync(await client.PostAsync(new Uri("/xapi/statements", UriKind.Relative), content), HttpStatusCode.RequestEntityTooLarge);
    }

    public static TheoryData<string, string> LearnerMutations => new()
    {
        { "bad-id", "id" },
        { "bad-email", "email" },
        { "short-password", "password" },
        { "bad-timezone", "timezone" },
        { "window-backwards", "weeklyAvailability[0]" },
        { "window-overlap", "weeklyAvailability[1]" },
        { "bad-day", "weeklyAvailability[0].day" },
        { "bad-time", "weeklyAvailability[0].start" },
    };

    [Theory]
    [MemberData(nameof(LearnerMutations))]
    public async Task Invalid_registration_is_refused_naming_the_field_and_not_stored(string mutation, string field)
    {
        using var client = fixture.Platform.Client();
        var id = Payloads.NewId("learner");
        var learner = Payloads.Learner(id);
        var windows = learner["weeklyAvailability"]!.AsArray();
        switch (mutation)
        {
            case "bad-id": learner["id"] = "Ada Lovelace"; break;
            case "bad-email": learner["email"] = "not-an-email"; break;
            case "short-password": learner["password"] = "short"; break;
            case "bad-timezone": learner["timezone"] = "Mars/Olympus"; break;
            case "window-backwards": windows[0]!["end"] = "18:00"; break;
            case "window-overlap": windows.Add(new JsonObject { ["day"] = "monday", ["start"] = "20:00", ["end"] = "22:00" }); break;
            case "bad-day": windows[0]!["day"] = "someday"; break;
            case "bad-time": windows[0]!["start"] = "7pm"; break;
        }

        await Problem.AssertAsync(await client.PostAsJsonAsync("/api/learners", learner), HttpStatusCode.BadRequest, field);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/api/learners/{id}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Enrolment_rules_hold_over_http()
    {
        using var client = fixture.Platform.Client();
        var learnerId = Payloads.NewId("learner");
        (await client.PostAsJsonAsync("/api/learners", Payloads.Learner(learnerId))).EnsureSuccessStatusCode();
        var paidId = Payloads.NewId("paid");
        (await client.PostAsJsonAsync("/api/courses", Payloads.Course(paidId, paid: true))).EnsureSuccessStatusCode();
        await Payloads.BankAsync(client, paidId, Payloads.Course(paidId, paid: true));
        (await client.PostAsync(new Uri($"/api/courses/{paidId}/publish", UriKind.Relative), null)).EnsureSuccessStatusCode();
        var url = $"/api/learners/{learnerId}/enrollments";

        await Problem.AssertAsync(await client.PostAsJsonAsync(url, new JsonObject { ["courseId"] = Payloads.NewId("ghost") }), HttpStatusCode.NotFound);
        foreach (var hours in new[] { 0, -3, 100.5 })
        {
            await Problem.AssertAsync(
                await client.PostAsJsonAsync(url, new JsonObject { ["courseId"] = paidId, ["weeklyStudyHours"] = hours }),
                HttpStatusCode.BadRequest, "weeklyStudyHours");
        }

        await Problem.AssertAsync(
            await client.PostAsJsonAsync(url, new JsonObject { ["courseId"] = paidId, ["enrolledAt"] = DateTimeOffset.UtcNow.AddDays(2).ToString("O") }),
            HttpStatusCode.BadRequest, "enrolledAt");

        // A paid course needs access first (docs/PAYMENTS.md): a made-up purchase id no longer buys anything.
        await Problem.AssertAsync(await client.PostAsJsonAsync(url, new JsonObject { ["courseId"] = paidId }), HttpStatusCode.Forbidden, "is paid");
        await Problem.AssertAsync(
            await client.PostAsJsonAsync(url, new JsonObject { ["courseId"] = paidId, ["purchaseId"] = Payloads.NewId("purchase") }),
            HttpStatusCode.Forbidden, "is paid");

        // Nothing above enrolled the learner; the declared study load is kept and shown.
        Assert.Empty((await client.GetFromJsonAsync<JsonObject>(url))!["items"]!.AsArray());
        var freeId = Payloads.NewId("free");
        (await client.PostAsJsonAsync("/api/courses", Payloads.Course(freeId))).EnsureSuccessStatusCode();
        await Payloads.BankAsync(client, freeId, Payloads.Course(freeId));
        (await client.PostAsync(new Uri($"/api/courses/{freeId}/publish", UriKind.Relative), null)).EnsureSuccessStatusCode();
        var created = await client.PostAsJsonAsync(url, new JsonObject { ["courseId"] = freeId, ["weeklyStudyHours"] = 12.5 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(12.5, (await created.Content.ReadFromJsonAsync<JsonObject>())!["weeklyStudyHours"]!.GetValue<double>());
    }

    public static TheoryData<string, string> StatementMutations => new()
    {
        { "no-actor", "actor" },
        { "two-identifiers", "actor" },
        { "bad-home-page", "actor.account.homePage" },
        { "bad-verb", "verb.id" },
        { "bad-id", "id" },
        { "future-timestamp", "timestamp" },
        { "timestamp-without-offset", "timestamp" },
        { "bad-duration", "result.duration" },
        { "score-out-of-range", "result.score.scaled" },
    };

    [Theory]
    [MemberData(nameof(StatementMutations))]
    public async Task One_invalid_statement_rejects_the_whole_request(string mutation, string field)
    {
        using var client = fixture.Platform.Client();
        var (learnerId, courseId) = await Payloads.EnrolledLearner(client);
        var good = Payloads.Statement(learnerId, courseId, "l1", "completed", DateTimeOffset.UtcNow.AddHours(-1));
        var bad = Payloads.Statement(learnerId, courseId, "l2", "experienced", DateTimeOffset.UtcNow.AddHours(-1));
        switch (mutation)
        {
            case "no-actor": bad.Remove("actor"); break;
            case "two-identifiers": bad["actor"]!["mbox"] = "mailto:someone@example.org"; break;
            case "bad-home-page": bad["actor"]!["account"]!["homePage"] = "not an IRI"; break;
            case "bad-verb": bad["verb"]!["id"] = "completed"; break;
            case "bad-id": bad["id"] = "12345"; break;
            case "future-timestamp": bad["timestamp"] = DateTimeOffset.UtcNow.AddDays(1).ToString("O"); break;
            case "timestamp-without-offset": bad["timestamp"] = "2026-01-01T10:00:00"; break;
            case "bad-duration": bad["result"] = new JsonObject { ["duration"] = "25 minutes" }; break;
            case "score-out-of-range": bad["result"] = new JsonObject { ["score"] = new JsonObject { ["scaled"] = 3 } }; break;
        }

        await Problem.AssertAsync(await client.PostAsJsonAsync("/xapi/statements", new JsonArray(good, bad)), HttpStatusCode.BadRequest, field);

        var page = await client.GetFromJsonAsync<JsonElement>($"/xapi/statements?agent={Payloads.Agent(learnerId)}");
        Assert.Empty(page.GetProperty("statements").EnumerateArray());
        var progress = await client.GetFromJsonAsync<JsonElement>($"/api/learners/{learnerId}/courses/{courseId}/progress");
        Assert.Empty(progress.GetProperty("completedLessons").EnumerateArray());
    }

    [Fact]
    public async Task The_xapi_version_header_is_required()
    {
        using var client = fixture.Platform.Client();
        client.DefaultRequestHeaders.Remove("X-Experience-API-Version");

        await Problem.AssertAsync(await client.GetAsync(new Uri("/xapi/statements", UriKind.Relative)), HttpStatusCode.BadRequest, "X-Experience-API-Version");
    }
}
