using System.Net;
using System.Text.Json.Nodes;
using AdaptiveMooc.Tools.Import;

namespace AdaptiveMooc.Tools.Tests;

/// <summary>The importer against a real platform over HTTP: what it builds, and that a rerun changes nothing.</summary>
public sealed class OuladImportTests(ImportPlatform fixture) : IClassFixture<ImportPlatform>, IAsyncLifetime
{
    // The platform's default Mooc:PublicBaseUrl: actor homePages and activity ids are built on it.
    private const string PublicBase = "http://127.0.0.1:5080";

    private OuladFolder? folder;

    public async Task InitializeAsync() => folder = await OuladFolder.CreateAsync();

    public Task DisposeAsync()
    {
        folder?.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Import_builds_course_learners_statements_and_figures_and_a_rerun_changes_nothing()
    {
        var platform = fixture.Platform;
        var options = new ImportOptions(
            folder!.Directory, OuladFolder.Presentation, platform.BaseAddress, platform.AdminKey, PublicBase,
            BatchSize: 4, Concurrency: 2, AnalyticsWait: TimeSpan.FromMinutes(2));

        var first = await new OuladImporter(options, TextWriter.Null).RunAsync(CancellationToken.None);

        Assert.Equal(OuladFolder.CourseId, first.CourseId);
        Assert.Equal(5, first.Learners);
        Assert.Equal(14, first.Statements);
        Assert.True(first.AnalyticsCaughtUp);

        // Students 1 (passed both) and 4 (passed the CMA, unscored TMA) complete; 3 failed the TMA; 2 and 5 withdrew.
        Assert.Equal(new PlatformFigures(3, 2, 2, first.Platform.CompletionRate, 0), first.Platform with { Active7d = 0 });
        Assert.Equal((5, 2, 2, 2), (first.Files.Registrations, first.Files.Unregistered, first.Files.FinalWithdrawn, first.Files.Completed));

        // Day-28 population: 1, 3 and 5 (2 left on day 10, 4 enrolled on day 35); 5 withdrew later.
        var validation = Assert.IsType<RiskValidation>(first.Validation);
        Assert.Equal((3, 1), (validation.Population, validation.Withdrawn));
        Assert.False(string.IsNullOrEmpty(validation.Status));
        if (validation.Auc is null)
        {
            Assert.Equal(0, validation.Listed);
        }

        using var client = platform.Client();
        var snapshot = await SnapshotAsync(client);

        var course = await Json(client, $"/api/courses/{OuladFolder.CourseId}");
        Assert.Equal("2013-10-01", (string?)course["startDate"]);
        Assert.Equal(6, course["modules"]!.AsArray().Sum(m => m!["lessons"]!.AsArray().Count));

        var withdrawn = await Json(client, "/api/learners/oulad-2/enrollments");
        Assert.Equal(DateTimeOffset.Parse("2013-10-11T23:59:59Z", System.Globalization.CultureInfo.InvariantCulture), (DateTimeOffset)withdrawn["items"]![0]!["withdrawnAt"]!);
        var late = await Json(client, "/api/learners/oulad-4/enrollments");
        Assert.Equal(DateTimeOffset.Parse("2013-11-05T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture), (DateTimeOffset)late["items"]![0]!["enrolledAt"]!);

        var progress = await Json(client, $"/api/learners/oulad-1/courses/{OuladFolder.CourseId}/progress");
        Assert.Contains("assessment-501", progress["completedLessons"]!.AsArray().Select(n => (string?)n));
        Assert.Contains("assessment-502", progress["completedLessons"]!.AsArray().Select(n => (string?)n));

        // One minute per click, at most 60 a day: 5 (day -2, two rows merged) + 4 + 60 (70 clicks).
        Assert.Equal(69, (int)progress["minutesSpent"]!);

        var lessons = snapshot.Lessons;
        Assert.Equal(4, lessons["9001"].Started);
        Assert.Equal(2, lessons["assessment-501"].Completed);
        Assert.Equal(3, lessons["assessment-501"].Started);
        Assert.Equal(5, snapshot.StatementsOfStudent1);

        var second = await new OuladImporter(options, TextWriter.Null).RunAsync(CancellationToken.None);

        Assert.True(second.AnalyticsCaughtUp);
        Assert.Equal(first.Platform, second.Platform);
        Assert.Equal(snapshot, await SnapshotAsync(client));
        Assert.Equal(withdrawn.ToJsonString(), (await Json(client, "/api/learners/oulad-2/enrollments")).ToJsonString());
    }

    private static async Task<Snapshot> SnapshotAsync(HttpClient client)
    {
        var analytics = await Json(client, $"/api/courses/{OuladFolder.CourseId}/analytics?asOf=2013-12-31T00:00:00Z");
        var lessons = analytics["lessons"]!.AsArray().ToDictionary(
            l => (string)l!["lessonId"]!, l => ((int)l!["started"]!, (int)l!["completed"]!));
        var agent = Uri.EscapeDataString($$$"""{"account":{"homePage":"{{{PublicBase}}}","name":"oulad-1"}}""");
        var statements = await Json(client, $"/xapi/statements?agent={agent}&limit=100");
        return new Snapshot(
            (int)analytics["enrolled"]!, (int)analytics["withdrawn"]!, (int)analytics["completed"]!,
            lessons.ToDictionary(l => l.Key, l => new Funnel(l.Value.Item1, l.Value.Item2)),
            statements["statements"]!.AsArray().Count);
    }

    private static async Task<JsonNode> Json(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    private sealed record Funnel(int Started, int Completed);

    private sealed record Snapshot(int Enrolled, int Withdrawn, int Completed, Dictionary<string, Funnel> Lessons, int StatementsOfStudent1)
    {
        public bool Equals(Snapshot? other) =>
            other is not null && (Enrolled, Withdrawn, Completed, StatementsOfStudent1) == (other.Enrolled, other.Withdrawn, other.Completed, other.StatementsOfStudent1)
            && Lessons.Count == other.Lessons.Count && Lessons.All(l => other.Lessons.TryGetValue(l.Key, out var f) && f == l.Value);

        public override int GetHashCode() => HashCode.Combine(Enrolled, Withdrawn, Completed, StatementsOfStudent1);
    }
}
