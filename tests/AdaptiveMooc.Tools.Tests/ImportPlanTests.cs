using AdaptiveMooc.Tools.Import;

namespace AdaptiveMooc.Tools.Tests;

public sealed class ImportPlanTests : IAsyncLifetime
{
    private OuladFolder? folder;

    private OuladFolder Folder => folder!;

    public async Task InitializeAsync() => folder = await OuladFolder.CreateAsync();

    public Task DisposeAsync()
    {
        folder?.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Reads_one_presentation_with_the_pitfalls_handled()
    {
        var plan = await ImportPlan.BuildAsync(Folder.Directory, OuladFolder.Presentation, CancellationToken.None);

        Assert.Equal(OuladFolder.CourseId, plan.Presentation.CourseId);
        Assert.Equal([9001, 9002, 9003], plan.Resources.Select(r => r.SiteId));
        Assert.Equal(5, plan.Learners.Count);

        // Two rows of (1, 9001, day -2) become one statement of 5 clicks; student 77 is not registered.
        Assert.Equal(1, plan.Skips.MergedClickRows);
        Assert.Equal(1, plan.Skips.UnregisteredClickRows);
        var early = Assert.Single(plan.Statements, s => s.StudentId == 1 && s.Day == -2);
        Assert.Equal(5, early.Clicks);

        // The banked result is not evidence of this presentation; 2013B's rows are not this presentation's.
        Assert.Equal(1, plan.Skips.BankedSubmissions);
        Assert.DoesNotContain(plan.Statements, s => s.IsSubmission && s.TargetId == 601);
        Assert.Equal(9 + 5, plan.Statements.Length);
        Assert.True(plan.Statements.Zip(plan.Statements.Skip(1)).All(p => p.First.Day <= p.Second.Day));

        // Blank registration date: enrolled by day 0 (its first activity is day 2); unregistration is withdrawal.
        Assert.Equal(0, plan.Learners.Single(l => l.Registration.StudentId == 3).EnrolledDay);
        Assert.Equal(1, plan.Skips.MissingRegistrationDates);
        Assert.Equal(10, plan.Learners.Single(l => l.Registration.StudentId == 2).WithdrawnDay);
        Assert.Equal(60, plan.LastDay);
        Assert.Equal(plan.Statements.Count(s => s.Day < 28), plan.FirstStatementOnOrAfter(28));
    }

    [Fact]
    public async Task Course_maps_activity_types_and_requires_only_recorded_weighted_assessments()
    {
        var plan = await ImportPlan.BuildAsync(Folder.Directory, OuladFolder.Presentation, CancellationToken.None);
        var course = CourseMapper.Build(plan);

        Assert.Equal("2013-10-01", (string?)course["startDate"]);
        var lessons = course["modules"]!.AsArray().SelectMany(m => m!["lessons"]!.AsArray()).ToDictionary(l => (string)l!["id"]!, l => l!);
        Assert.Equal("reading", (string?)lessons["9001"]["kind"]);
        Assert.Equal("quiz", (string?)lessons["9002"]["kind"]);
        Assert.Equal("tutorial", (string?)lessons["9003"]["kind"]);
        Assert.False((bool)lessons["9001"]["required"]!);
        Assert.Equal("assignment", (string?)lessons["assessment-501"]["kind"]);
        Assert.True((bool)lessons["assessment-501"]["required"]!);
        Assert.True((bool)lessons["assessment-502"]["required"]!);

        // Nobody sat the exam in the files (pitfall 5): it cannot be required; undated, it is due at the end.
        Assert.False((bool)lessons["assessment-503"]["required"]!);
        Assert.Equal(60, (int)lessons["assessment-503"]["dueDay"]!);
    }

    [Fact]
    public void Statement_ids_are_version_5_uuids_of_the_row()
    {
        // RFC 9562 / Python uuid.uuid5(NAMESPACE_DNS, "python.org").
        Assert.Equal(
            new Guid("886313e1-3b8a-5372-9b90-0c9aee199e5d"),
            DeterministicUuid.Create(new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "python.org"));

        var writer = new StatementWriter(new ML.Oulad.OuladPresentation("ZZZ", "2013J", 60), "http://127.0.0.1:5080");
        var a = new ImportStatement(1, 5, false, 9001, 3, null);
        Assert.Equal(writer.IdOf(a), writer.IdOf(a with { Clicks = 3 }));
        Assert.NotEqual(writer.IdOf(a), writer.IdOf(a with { Day = 6 }));
        Assert.NotEqual(writer.IdOf(a), writer.IdOf(a with { IsSubmission = true }));
    }
}
