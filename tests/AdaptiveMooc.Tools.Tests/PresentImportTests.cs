using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AdaptiveMooc.Tools.Import;

namespace AdaptiveMooc.Tools.Tests;

/// <summary><c>import oulad --today-is-day N</c> against a real platform over HTTP, then run again: it resumes and posts nothing more.</summary>
public sealed class PresentImportTests(ImportPlatform fixture) : IClassFixture<ImportPlatform>, IAsyncLifetime
{
    private const string PublicBase = "http://127.0.0.1:5080";

    private OuladFolder? folder;
    private string? work;

    public async Task InitializeAsync()
    {
        folder = await OuladFolder.CreateAsync();
        work = Directory.CreateTempSubdirectory("present-import-").FullName;
    }

    public Task DisposeAsync()
    {
        folder?.Dispose();
        Directory.Delete(work!, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Today_is_day_36_posts_up_to_now_names_the_demo_learner_and_a_rerun_resumes()
    {
        var platform = fixture.Platform;
        var options = new ImportOptions(
            folder!.Directory, OuladFolder.Presentation, platform.BaseAddress, platform.AdminKey, PublicBase,
            BatchSize: 4, Concurrency: 2, Validate: false, AnalyticsWait: TimeSpan.FromMinutes(2),
            Owner: "zzz-trainer", OwnerPassword: "a long trainer passphrase");
        var present = new PresentOptions(36, Live: false, Speed: 1, Path.Combine(work!, "state.json"), Path.Combine(work!, "demo-learner.id"));
        var before = DateTimeOffset.UtcNow;

        Assert.Equal(0, await new PresentImport(options, present, TextWriter.Null, TextWriter.Null, TimeProvider.System).RunAsync(CancellationToken.None));

        using var client = platform.Client();
        var start = new DateTimeOffset(before.UtcDateTime.Date, TimeSpan.Zero).AddDays(-36);
        var course = await Json(client, $"/api/courses/{OuladFolder.CourseId}");
        Assert.Equal(start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), (string?)course["startDate"]);
        Assert.Equal("zzz-trainer", (string?)course["ownerTrainerId"]);

        // Enrolled on day 35 (yesterday), withdrawn on day 10; student 5 withdraws on day 40, not yet.
        Assert.Equal(start.AddDays(35), (DateTimeOffset)(await Json(client, "/api/learners/oulad-4/enrollments"))["items"]![0]!["enrolledAt"]!);
        Assert.Equal(start.AddDays(11).AddSeconds(-1), (DateTimeOffset)(await Json(client, "/api/learners/oulad-2/enrollments"))["items"]![0]!["withdrawnAt"]!);
        Assert.Null((await Json(client, "/api/learners/oulad-5/enrollments"))["items"]![0]!["withdrawnAt"]);

        // Student 1's statements of days -2, 5, 19 and 30, at their shifted instants; day 39's submission is still to come.
        var timestamps = await StatementTimes(client, "oulad-1");
        Assert.Equal(new[] { -2, 5, 19, 30 }.Select(d => start.AddDays(d).AddHours(d == 19 ? 18 : 12)), timestamps.Order());

        // The demo learner: student 1 (passed, never withdrew, last active on day 30), with declared windows and a plan.
        Assert.Equal("oulad-1", (await File.ReadAllTextAsync(present.DemoLearnerFile!)).Trim());
        var learner = await Json(client, "/api/learners/oulad-1");
        Assert.Equal("Europe/London", (string?)learner["timezone"]);
        Assert.Equal(3, learner["weeklyAvailability"]!.AsArray().Count);
        var plan = await Json(client, $"/api/learners/oulad-1/courses/{OuladFolder.CourseId}/plan");
        Assert.NotEmpty(plan["sessions"]!.AsArray());

        // The trainer owns the course: they read its analytics with their own token.
        using var token = await client.PostAsJsonAsync("/api/auth/token", new { username = "zzz-trainer", password = "a long trainer passphrase" });
        token.EnsureSuccessStatusCode();

        var state = await ReplayState.LoadAsync(present.StateFile, CancellationToken.None);
        Assert.Equal(0, await new PresentImport(options, present, TextWriter.Null, TextWriter.Null, TimeProvider.System).RunAsync(CancellationToken.None));
        var resumed = await ReplayState.LoadAsync(present.StateFile, CancellationToken.None);
        Assert.Equal((state!.Start, state.Done), (resumed!.Start, resumed.Done));
        Assert.Equal(timestamps, await StatementTimes(client, "oulad-1"));
    }

    private static async Task<List<DateTimeOffset>> StatementTimes(HttpClient client, string learnerId)
    {
        var agent = Uri.EscapeDataString($$$"""{"account":{"homePage":"{{{PublicBase}}}","name":"{{{learnerId}}}"}}""");
        var statements = await Json(client, $"/xapi/statements?agent={agent}&limit=100");
        return [.. statements["statements"]!.AsArray().Select(s => (DateTimeOffset)s!["timestamp"]!)];
    }

    private static async Task<JsonNode> Json(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }
}
