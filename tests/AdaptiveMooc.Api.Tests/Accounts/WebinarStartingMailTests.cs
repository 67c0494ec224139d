using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AdaptiveMooc.Api.Tests.Accounts;

/// <summary>
/// The "webinar starting" notice (issue 15, e-mail): registered learners get it in their inbox and by mail (durable
/// outbox, MailKit, smtp4dev) shortly before the start, from the webinar's durable reminder, or at once when they
/// register inside the notice window; once per learner and webinar.
/// </summary>
[Collection(AccountsCollection.Name)]
public sealed class WebinarStartingMailTests(AccountsFixture fixture)
{
    private const string Password = "correct horse battery";
    private static readonly TimeSpan WebinarLead = TimeSpan.FromMinutes(30);

    [Fact]
    public async Task Registered_learners_are_told_by_mail_before_the_webinar_starts()
    {
        using var admin = fixture.Platform.Client();
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var trainerId = "wt-" + suffix;
        await ReadAsync(await admin.PostAsJsonAsync("/api/trainers", new JsonObject
        {
            ["id"] = trainerId, ["name"] = "Grace Hopper", ["email"] = $"{trainerId}@example.org", ["password"] = Password,
        }), HttpStatusCode.Created);
        using var trainer = await fixture.SignedInAsync(trainerId, Password);
        var courseId = "webinars-" + suffix;
        var course = Payloads.Course(courseId);
        await ReadAsync(await trainer.PostAsJsonAsync("/api/courses", course), HttpStatusCode.Created);
        await Payloads.BankAsync(trainer, courseId, course);
        await ReadAsync(await trainer.PostAsync(new Uri($"/api/courses/{courseId}/publish", UriKind.Relative), null), HttpStatusCode.OK);

        var learnerId = "wl-" + suffix;
        await ReadAsync(await admin.PostAsJsonAsync("/api/learners", Payloads.Learner(learnerId)), HttpStatusCode.Created);
        using var learner = await fixture.SignedInAsync(learnerId, Password);
        await ReadAsync(await learner.PostAsJsonAsync($"/api/learners/{learnerId}/enrollments", new JsonObject { ["courseId"] = courseId }), HttpStatusCode.Created);

        // Early: starts in 30 min + 25 s, so the notice (30 min ahead) comes from the reminder, after the registration.
        var margin = TimeSpan.FromSeconds(25);
        var scheduled = DateTimeOffset.UtcNow;
        var early = await WebinarAsync(trainer, courseId, "Early bird", scheduled + WebinarLead + margin);
        await ReadAsync(await learner.PostAsJsonAsync($"/api/courses/{courseId}/webinars/{early}/registrations", new JsonObject { ["learnerId"] = learnerId }), HttpStatusCode.Created);
        if (DateTimeOffset.UtcNow - scheduled < margin - TimeSpan.FromSeconds(2))
        {
            // Registered before the notice time (a machine slower than the margin would not be): nothing yet.
            Assert.DoesNotContain(await NoticesAsync(learner, learnerId), n => n.Contains("Early bird", StringComparison.Ordinal));
        }

        // Soon: starts in 10 min, inside the notice window: a registration is told at once.
        var soon = await WebinarAsync(trainer, courseId, "Last minute", DateTimeOffset.UtcNow.AddMinutes(10));
        await ReadAsync(await learner.PostAsJsonAsync($"/api/courses/{courseId}/webinars/{soon}/registrations", new JsonObject { ["learnerId"] = learnerId }), HttpStatusCode.Created);
        Assert.Contains(await NoticesAsync(learner, learnerId), n => n.Contains("Last minute", StringComparison.Ordinal));

        // Both mails arrive through the outbox and SMTP: the short-notice one at once, the other when its reminder fires.
        var email = $"{learnerId}@example.org";
        var mails = (await fixture.Mail.WaitForAsync(email, $"A webinar of {courseId} starts soon", count: 2, timeout: TimeSpan.FromSeconds(90)))
            .Select(m => m.Replace("=\r\n", string.Empty, StringComparison.Ordinal).Replace("=\n", string.Empty, StringComparison.Ordinal)).ToList();
        Assert.Contains(mails, m => m.Contains("Last minute", StringComparison.Ordinal));
        Assert.Contains(mails, m => m.Contains("Early bird", StringComparison.Ordinal) && m.Contains("https://meet.example.org/", StringComparison.Ordinal));

        var notices = await NoticesAsync(learner, learnerId);
        Assert.Single(notices, n => n.Contains("Early bird", StringComparison.Ordinal));
        Assert.Single(notices, n => n.Contains("Last minute", StringComparison.Ordinal));

        // A learner who is not registered hears nothing.
        var otherId = "wo-" + suffix;
        await ReadAsync(await admin.PostAsJsonAsync("/api/learners", Payloads.Learner(otherId)), HttpStatusCode.Created);
        using var other = await fixture.SignedInAsync(otherId, Password);
        Assert.Empty(await NoticesAsync(other, otherId));
    }

    private static async Task<string> WebinarAsync(HttpClient trainer, string courseId, string title, DateTimeOffset start) =>
        (await ReadAsync(await trainer.PostAsJsonAsync($"/api/courses/{courseId}/webinars", new JsonObject
        {
            ["title"] = title, ["start"] = start, ["minutes"] = 45, ["capacity"] = 20, ["joinUrl"] = $"https://meet.example.org/{Guid.NewGuid():N}",
        }), HttpStatusCode.Created)).GetProperty("id").GetString()!;

    /// <summary>The messages of the learner's webinar-starting notifications.</summary>
    private static async Task<List<string>> NoticesAsync(HttpClient client, string learnerId)
    {
        var page = await ReadAsync(await client.GetAsync($"/api/learners/{learnerId}/notifications"), HttpStatusCode.OK);
        var items = page.ValueKind == JsonValueKind.Array ? page : page.GetProperty("items");
        return [.. items.EnumerateArray().Where(n => n.GetProperty("kind").GetString() == "webinar-starting").Select(n => n.GetProperty("message").GetString()!)];
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
            return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        }
    }
}
