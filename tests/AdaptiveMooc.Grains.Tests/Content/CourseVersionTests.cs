using AdaptiveMooc.Grains.Abstractions.Certificates;
using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Courses;
using AdaptiveMooc.Grains.Abstractions.Learners;
using AdaptiveMooc.Grains.Abstractions.Statements;
using AdaptiveMooc.Grains.Certificates;

namespace AdaptiveMooc.Grains.Tests.Content;

/// <summary>A published course version never changes; edits become the next version; learners' progress survives them.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CourseVersionTests(ClusterFixture fixture)
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private IStatementIngestGrain Ingest => fixture.Client.GetGrain<IStatementIngestGrain>(0);

    [Fact]
    public async Task A_draft_is_invisible_to_learners_until_published_and_the_old_version_stays_readable()
    {
        var id = TestData.NewId("course");
        var grain = fixture.Client.GetGrain<ICourseGrain>(id);
        var v1 = TestData.Course(id);
        await grain.Create(v1, "trainer-1");
        Assert.Equal(CommandStatus.Ok, (await grain.Publish()).Status);
        Assert.Equal(1, (await grain.Get())!.PublishedVersion);

        var v2 = v1 with { Title = "Intro to finance, second edition" };
        Assert.Equal(CommandStatus.Ok, (await grain.SaveDraft(v2)).Status);
        var during = (await grain.Get())!;
        Assert.Equal(v1.Title, during.Definition.Title);
        Assert.True(during.HasDraft);
        Assert.Equal(v2.Title, (await grain.GetDraft())!.Title);

        Assert.Equal(CommandStatus.Ok, (await grain.Publish()).Status);
        var after = (await grain.Get())!;
        Assert.Equal((2, false, v2.Title), (after.PublishedVersion, after.HasDraft, after.Definition.Title));
        Assert.Equal(CommandStatus.Conflict, (await grain.Publish()).Status);

        var kept = await fixture.Client.GetGrain<ICourseVersionGrain>(ICourseVersionGrain.Key(id, 1)).Get();
        Assert.NotNull(kept);
        Assert.Equal((1, v1.Title), (kept.Version, kept.Definition.Title));

        // The same definition again changes nothing; a direct update of a published course is the next version at
        // once, and version 2 is kept as it was.
        Assert.Equal(CommandStatus.Ok, (await grain.Update(TestData.Course(id) with { Title = v2.Title })).Status);
        Assert.Equal(2, (await grain.Get())!.PublishedVersion);
        await grain.Update(v2 with { Title = "Third" });
        Assert.Equal(3, (await grain.Get())!.PublishedVersion);
        var second = await fixture.Client.GetGrain<ICourseVersionGrain>(ICourseVersionGrain.Key(id, 2)).Get();
        Assert.Equal(v2.Title, second!.Definition.Title);
        Assert.False(await fixture.Client.GetGrain<ICourseVersionGrain>(ICourseVersionGrain.Key(id, 2)).Keep(v1, T0));
    }

    [Fact]
    public async Task A_new_version_keeps_progress_and_a_removed_required_lesson_no_longer_blocks_the_certificate()
    {
        var (learnerId, courseId) = await TestData.Enrolled(fixture.Client, T0);
        var course = fixture.Client.GetGrain<ICourseGrain>(courseId);
        await Ingest.Ingest([
            TestData.Statement(learnerId, courseId, "l1", "completed", T0.AddHours(1)),
            TestData.Statement(learnerId, courseId, "l3", "completed", T0.AddHours(2)),
        ]);

        var before = await Evaluate(learnerId, courseId);
        Assert.False(before.Eligible);
        Assert.Contains("l2", before.MissingLessons);

        // Version 2 drops the required quiz l2 and the optional reading l3; l1 is matched by its id.
        var v1 = (await course.Get())!.Definition;
        var module = v1.Modules![0];
        var v2 = v1 with { Modules = [module with { Lessons = [module.Lessons![0] with { Title = "Time value, revised" }] }] };
        Assert.Equal(CommandStatus.Ok, (await course.SaveDraft(v2)).Status);
        Assert.Equal(CommandStatus.Ok, (await course.Publish()).Status);

        var after = await Evaluate(learnerId, courseId);
        Assert.True(after.Eligible, string.Join(", ", after.MissingLessons));

        // Progress on the removed lesson is kept, and the learner's progress counts only lessons of the version.
        var progress = await fixture.Client.GetGrain<ILearnerGrain>(learnerId).GetProgress(courseId);
        Assert.Contains("l1", progress!.CompletedLessons);
        Assert.Contains("l3", progress.CompletedLessons);
    }

    /// <summary>The course rule as the certificate route and the automatic trigger apply it: the course as it is now, the learner's kept progress.</summary>
    private async Task<Verdict> Evaluate(string learnerId, string courseId)
    {
        var definition = (await fixture.Client.GetGrain<ICourseGrain>(courseId).Get())!.Definition;
        var progress = (await fixture.Client.GetGrain<ILearnerGrain>(learnerId).GetProgress(courseId))!;
        var requirements = CertificateRequirementsFactory.From(definition);
        var snapshot = new CertificateProgress(learnerId, [.. progress.CompletedLessons], new Dictionary<string, double>(), T0.AddDays(1));
        var (missing, mean) = CertificateCheck.Evaluate(snapshot, requirements);
        return new Verdict(missing.Count == 0 && mean >= requirements.PassThreshold, missing);
    }

    private sealed record Verdict(bool Eligible, IReadOnlyList<string> MissingLessons);
}
