using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ical.Net.CalendarComponents;

namespace AdaptiveMooc.Api.Tests.Planning;

/// <summary>The learner plan, what-if and the calendar feed over real HTTP (docs/PLANNING.md, "One plan per learner").</summary>
[Collection(PlatformCollection.Name)]
public sealed class LearnerPlanHttpTests(PlatformFixture fixture)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Fact]
    public async Task One_plan_shares_the_evening_between_two_courses_and_each_course_route_answers_its_share()
    {
        using var client = fixture.Platform.Client();
        var (learnerId, first, second) = await TwoCourses(client);

        var text = await client.GetStringAsync($"/api/learners/{learnerId}/plan?weeks=2");
        Assert.Equal(text, await client.GetStringAsync($"/api/learners/{learnerId}/plan?weeks=2"));
        var plan = JsonDocument.Parse(text).RootElement;

        Assert.Equal(2, plan.GetProperty("declaredWeeklyHours").GetDouble());
        Assert.Equal(JsonValueKind.Number, plan.GetProperty("weeklyHoursPlanned").ValueKind);
        Assert.Contains("shared by 2 courses", plan.GetProperty("explanation").GetString(), StringComparison.Ordinal);
        var sessions = plan.GetProperty("sessions").EnumerateArray().ToList();
        Assert.NotEmpty(sessions);
        DateTimeOffset? previousEnd = null;
        foreach (var session in sessions)
        {
            var start = session.GetProperty("start").GetDateTimeOffset();
            var end = session.GetProperty("end").GetDateTimeOffset();
            var local = TimeZoneInfo.ConvertTime(start, Paris);
            Assert.Equal(DayOfWeek.Monday, local.DayOfWeek);
            Assert.True(local.TimeOfDay >= TimeSpan.FromHours(19) && TimeZoneInfo.ConvertTime(end, Paris).TimeOfDay <= TimeSpan.FromHours(21));
            Assert.True(previousEnd is null || start >= previousEnd, "sessions overlap");
            Assert.Equal("planned", session.GetProperty("status").GetString());
            Assert.False(string.IsNullOrEmpty(session.GetProperty("id").GetString()));
            previousEnd = end;
        }

        var courses = plan.GetProperty("courses").EnumerateArray().ToList();
        Assert.Equal(new[] { first, second }.Order(StringComparer.Ordinal), courses.Select(c => c.GetProperty("courseId").GetString()));
        foreach (var course in courses)
        {
            var courseId = course.GetProperty("courseId").GetString()!;
            Assert.True(course.GetProperty("onTrack").GetBoolean());
            Assert.Equal(JsonValueKind.String, course.GetProperty("projectedCompletion").ValueKind);
            Assert.True(course.GetProperty("weeklyHoursNeeded").GetDouble() > 0);
            Assert.StartsWith("On track: ", course.GetProperty("explanation").GetString(), StringComparison.Ordinal);
            Assert.Contains(". Gets ", course.GetProperty("explanation").GetString(), StringComparison.Ordinal);

            // The per-course route is this course's share of the same plan.
            var share = await client.GetFromJsonAsync<JsonElement>($"/api/learners/{learnerId}/courses/{courseId}/plan?weeks=2");
            var mine = sessions.Where(s => s.GetProperty("courseId").GetString() == courseId).ToList();
            Assert.Equal(
                mine.Select(s => (s.GetProperty("start").GetDateTimeOffset(), s.GetProperty("end").GetDateTimeOffset())),
                share.GetProperty("sessions").EnumerateArray().Select(s => (s.GetProperty("start").GetDateTimeOffset(), s.GetProperty("end").GetDateTimeOffset())));
            Assert.Equal(course.GetProperty("explanation").GetString(), share.GetProperty("explanation").GetString());
            // l1 (20 min) and l2 (10 min) are required; both courses fit in the two weeks.
            Assert.Equal(30, mine.Sum(s => (s.GetProperty("end").GetDateTimeOffset() - s.GetProperty("start").GetDateTimeOffset()).TotalMinutes));
        }

        // A new target date replans: the course's explanation now names it.
        var target = DateTime.UtcNow.AddDays(40).ToString("yyyy-MM-dd");
        var set = await client.PutAsJsonAsync($"/api/learners/{learnerId}/enrollments/{first}/target-date", new JsonObject { ["targetDate"] = target });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(target, (await set.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("targetDate").GetString());
        var targeted = await client.GetFromJsonAsync<JsonElement>($"/api/learners/{learnerId}/plan?weeks=2");
        Assert.Contains($"target date {target}", targeted.GetProperty("courses").EnumerateArray().Single(c => c.GetProperty("courseId").GetString() == first).GetProperty("explanation").GetString(), StringComparison.Ordinal);
        await Problem.AssertAsync(
            await client.PutAsJsonAsync($"/api/learners/{learnerId}/enrollments/not-enrolled/target-date", new JsonObject { ["targetDate"] = target }), HttpStatusCode.NotFound);

        using var anonymous = fixture.Platform.Client(admin: false);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri($"/api/learners/{learnerId}/plan", UriKind.Relative))).StatusCode);
        await Problem.AssertAsync(await client.GetAsync(new Uri($"/api/learners/{learnerId}/plan?weeks=13", UriKind.Relative)), HttpStatusCode.BadRequest, "weeks");
        await Problem.AssertAsync(await client.GetAsync(new Uri("/api/learners/nobody-here/plan", UriKind.Relative)), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task What_if_answers_the_same_shape_and_saves_nothing()
    {
        using var client = fixture.Platform.Client();
        var (learnerId, first, _) = await TwoCourses(client);
        var url = $"/api/learners/{learnerId}/plan";
        var before = await client.GetStringAsync(url);
        var third = await PublishedCourse(client);

        var tuesdays = new JsonObject
        {
            ["weeklyAvailability"] = new JsonArray(new JsonObject { ["day"] = "tuesday", ["start"] = "18:00", ["end"] = "20:00" }),
            ["targetDate"] = DateTime.UtcNow.AddDays(60).ToString("yyyy-MM-dd"),
            ["courseId"] = third,
        };
        var response = await client.PostAsJsonAsync($"{url}/what-if", tuesdays);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var whatIf = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(3, whatIf.GetProperty("courses").GetArrayLength());
        Assert.Contains(third, whatIf.GetProperty("courses").EnumerateArray().Select(c => c.GetProperty("courseId").GetString()));
        Assert.All(whatIf.GetProperty("sessions").EnumerateArray(), s =>
            Assert.Equal(DayOfWeek.Tuesday, TimeZoneInfo.ConvertTime(s.GetProperty("start").GetDateTimeOffset(), Paris).DayOfWeek));
        Assert.Contains("target date", whatIf.GetProperty("courses").EnumerateArray().Single(c => c.GetProperty("courseId").GetString() == third).GetProperty("explanation").GetString(), StringComparison.Ordinal);

        // Nothing was saved: the same plan, the same availability, the same enrolments.
        Assert.Equal(before, await client.GetStringAsync(url));
        var learner = await client.GetFromJsonAsync<JsonElement>($"/api/learners/{learnerId}");
        Assert.Equal("monday", learner.GetProperty("weeklyAvailability")[0].GetProperty("day").GetString());
        var enrolments = await client.GetFromJsonAsync<JsonElement>($"/api/learners/{learnerId}/enrollments");
        Assert.Equal(2, enrolments.GetProperty("items").GetArrayLength());

        await Problem.AssertAsync(await client.PostAsJsonAsync($"{url}/what-if", new JsonObject { ["courseId"] = "no-such-course" }), HttpStatusCode.BadRequest, "courseId");
        await Problem.AssertAsync(
            await client.PostAsJsonAsync($"{url}/what-if", new JsonObject { ["weeklyAvailability"] = new JsonArray(new JsonObject { ["day"] = "someday", ["start"] = "18:00", ["end"] = "20:00" }) }),
            HttpStatusCode.BadRequest,
            "weeklyAvailability[0].day");
        var targeted = await client.PostAsJsonAsync($"{url}/what-if", new JsonObject { ["targetDate"] = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd"), ["courseId"] = first });
        Assert.Equal(HttpStatusCode.OK, targeted.StatusCode);
        Assert.Equal(before, await client.GetStringAsync(url));
    }

    [Fact]
    public async Task The_calendar_feed_keeps_event_ids_across_a_replan_and_a_revoked_address_is_404()
    {
        using var client = fixture.Platform.Client();
        var (learnerId, _, _) = await TwoCourses(client);

        var opened = await client.PostAsync(new Uri($"/api/learners/{learnerId}/calendar-feed", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var url = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;
        Assert.Equal(new Uri(url), opened.Headers.Location);
        Assert.StartsWith(Payloads.Base + "/api/calendar-feeds/", url, StringComparison.Ordinal);
        var feed = new Uri(new Uri(url).AbsolutePath, UriKind.Relative);

        // Calendar apps have the address only: no credentials.
        using var anonymous = fixture.Platform.Client(admin: false);
        var before = await Events(anonymous, feed);
        var plan = await client.GetFromJsonAsync<JsonElement>($"/api/learners/{learnerId}/plan?weeks=12");
        var sessions = plan.GetProperty("sessions").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString() + "@adaptive-mooc");
        Assert.Equal(sessions.Keys.Order(StringComparer.Ordinal), before.Select(e => e.Uid).Order(StringComparer.Ordinal));
        Assert.All(before, e =>
        {
            var session = sessions[e.Uid!];
            var courseId = session.GetProperty("courseId").GetString();
            var lessons = session.GetProperty("lessonIds").EnumerateArray().Select(l => l.GetString()!).ToList();
            var titles = lessons.Select(l => l == "l2" ? "Quiz" : "Lesson " + l).ToList();
            Assert.Equal("Intro to finance: " + string.Join(", ", titles), e.Summary);
            // Every link is the lesson's address on the platform, which checks access; l1's outside content URL
            // never goes into the feed, whose token may travel further than the learner (a shared calendar).
            Assert.Equal(new Uri($"{Payloads.Base}/courses/{courseId}/lessons/{lessons[0]}"), e.Url);
            Assert.DoesNotContain("example.org/content", e.Description, StringComparison.Ordinal);
            Assert.All(titles, t => Assert.Contains(t + ": http", e.Description, StringComparison.Ordinal));
            Assert.Equal(session.GetProperty("start").GetDateTimeOffset(), new DateTimeOffset(e.DtStart!.AsUtc));
            Assert.Equal(DayOfWeek.Monday, TimeZoneInfo.ConvertTime(new DateTimeOffset(e.DtStart!.AsUtc), Paris).DayOfWeek);
        });

        // A replan (Tuesday evenings instead of Mondays) moves every event and keeps every id.
        var moved = await client.PutAsJsonAsync($"/api/learners/{learnerId}/availability", new JsonObject
        {
            ["weeklyAvailability"] = new JsonArray(new JsonObject { ["day"] = "tuesday", ["start"] = "19:00", ["end"] = "21:00" }),
        });
        moved.EnsureSuccessStatusCode();
        var after = await Events(anonymous, feed);
        Assert.Equal(before.Select(e => e.Uid).Order(StringComparer.Ordinal), after.Select(e => e.Uid).Order(StringComparer.Ordinal));
        Assert.All(after, e => Assert.Equal(DayOfWeek.Tuesday, TimeZoneInfo.ConvertTime(new DateTimeOffset(e.DtStart!.AsUtc), Paris).DayOfWeek));
        Assert.All(after, e => Assert.True(e.Sequence > 0));

        // Revoked: the old address is gone; a new one works.
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(new Uri($"/api/learners/{learnerId}/calendar-feed", UriKind.Relative))).StatusCode);
        await Problem.AssertAsync(await anonymous.GetAsync(feed), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(new Uri($"/api/learners/{learnerId}/calendar-feed", UriKind.Relative))).StatusCode);
        var reopened = await client.PostAsync(new Uri($"/api/learners/{learnerId}/calendar-feed", UriKind.Relative), null);
        var next = new Uri(new Uri((await reopened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!).AbsolutePath, UriKind.Relative);
        Assert.NotEqual(feed, next);
        Assert.Equal(after.Select(e => e.Uid).Order(StringComparer.Ordinal), (await Events(anonymous, next)).Select(e => e.Uid).Order(StringComparer.Ordinal));
        await Problem.AssertAsync(await anonymous.GetAsync(feed), HttpStatusCode.NotFound);
        await Problem.AssertAsync(await anonymous.GetAsync(new Uri("/api/calendar-feeds/not-a-token", UriKind.Relative)), HttpStatusCode.NotFound);
    }

    private static async Task<List<CalendarEvent>> Events(HttpClient anonymous, Uri feed)
    {
        using var response = await anonymous.GetAsync(feed);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var calendar = Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("-//AdaptiveMooc//Study plan//EN", calendar.ProductId);
        var events = calendar.Events.ToList();
        Assert.NotEmpty(events);
        return events;
    }

    private static async Task<string> PublishedCourse(HttpClient client)
    {
        var courseId = Payloads.NewId("course");
        (await client.PostAsJsonAsync("/api/courses", Payloads.Course(courseId))).EnsureSuccessStatusCode();
        await Payloads.BankAsync(client, courseId, Payloads.Course(courseId));
        (await client.PostAsync(new Uri($"/api/courses/{courseId}/publish", UriKind.Relative), null)).EnsureSuccessStatusCode();
        return courseId;
    }

    private static async Task<(string LearnerId, string First, string Second)> TwoCourses(HttpClient client)
    {
        var (learnerId, first) = await Payloads.EnrolledLearner(client);
        var second = await PublishedCourse(client);
        (await client.PostAsJsonAsync($"/api/learners/{learnerId}/enrollments", new JsonObject { ["courseId"] = second })).EnsureSuccessStatusCode();
        return (learnerId, first, second);
    }
}
