using AdaptiveMooc.Grains.Abstractions.Certificates;
using AdaptiveMooc.Grains.Abstractions.Courses;
using AdaptiveMooc.Grains.Abstractions.Learners;
using AdaptiveMooc.Grains.Abstractions.Statements;

namespace AdaptiveMooc.Grains.Tests.Certificates;

/// <summary>
/// Certificates issued by progress itself (no call to the on-demand route). TestData.Course: required
/// lessons l1 (video) and l2 (quiz, the only graded lesson), pass threshold 0.6.
/// </summary>
[Collection(CertificateTriggerCollection.Name)]
public sealed class CertificateTriggerTests(CertificateTriggerFixture fixture)
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private IStatementIngestGrain Ingest => fixture.Grains.GetGrain<IStatementIngestGrain>(0);

    [Fact]
    public async Task Meeting_the_rule_issues_exactly_one_certificate_across_replays_duplicates_and_a_restart()
    {
        var (learnerId, courseId) = await Enrolled();
        var completed = TestData.Statement(learnerId, courseId, "l1", "completed", T0);
        var passed = TestData.Statement(learnerId, courseId, "l2", "passed", T0.AddMinutes(5), score: 0.8);

        await Ingest.Ingest([completed]);
        Assert.Empty(await Listed(learnerId));

        await Ingest.Ingest([passed]);
        var issued = Assert.Single(await Listed(learnerId));
        Assert.Equal(courseId, issued.CourseId);
        var certificate = await fixture.Grains.GetGrain<ICertificateGrain>(CertificateKeys.For(learnerId, courseId)).GetAsync();
        Assert.Equal(issued.Id, certificate!.Id);
        Assert.Equal("statement", certificate.Kind);

        // The same statements again (duplicates), and new ones that meet the rule again (a replayed history).
        await Ingest.Ingest([completed, passed]);
        await Ingest.Ingest(
        [
            TestData.Statement(learnerId, courseId, "l1", "completed", T0.AddDays(1)),
            TestData.Statement(learnerId, courseId, "l2", "passed", T0.AddDays(1), score: 0.95),
        ]);
        Assert.Equal(issued.Id, Assert.Single(await Listed(learnerId)).Id);

        await fixture.RestartAsync();
        await Ingest.Ingest([TestData.Statement(learnerId, courseId, "l2", "passed", T0.AddDays(2), score: 1)]);
        Assert.Equal(issued.Id, Assert.Single(await Listed(learnerId)).Id);
        var after = await fixture.Grains.GetGrain<ICertificateGrain>(CertificateKeys.For(learnerId, courseId)).GetAsync();
        Assert.Equal(certificate.Jwt, after!.Jwt);
    }

    [Fact]
    public async Task Below_the_threshold_no_certificate_is_issued_until_a_better_attempt()
    {
        var (learnerId, courseId) = await Enrolled();

        await Ingest.Ingest(
        [
            TestData.Statement(learnerId, courseId, "l1", "completed", T0),
            TestData.Statement(learnerId, courseId, "l2", "passed", T0.AddMinutes(5), score: 0.4),

            // Item scores are not the quiz's score.
            TestData.Statement(learnerId, courseId, "l2", "answered", T0.AddMinutes(6), itemId: "q1", score: 1),
        ]);

        Assert.Equal(["l1", "l2"], (await fixture.Grains.GetGrain<ILearnerGrain>(learnerId).GetProgress(courseId))!.CompletedLessons);
        Assert.Empty(await Listed(learnerId));
        Assert.Null(await fixture.Grains.GetGrain<ICertificateGrain>(CertificateKeys.For(learnerId, courseId)).GetAsync());

        await Ingest.Ingest([TestData.Statement(learnerId, courseId, "l2", "passed", T0.AddMinutes(30), score: 0.6)]);
        Assert.Single(await Listed(learnerId));
    }

    [Fact]
    public async Task Statements_committed_but_never_applied_issue_the_certificate_on_the_next_activation()
    {
        var (learnerId, courseId) = await Enrolled();

        // As if the silo died between commit and apply: the log holds the statements, the learner never saw them.
        await fixture.Statements.AppendAsync(
        [
            TestData.Statement(learnerId, courseId, "l1", "completed", T0),
            TestData.Statement(learnerId, courseId, "l2", "passed", T0.AddMinutes(5)),
        ], T0, CancellationToken.None);
        await fixture.RestartAsync();

        var progress = await fixture.Grains.GetGrain<ILearnerGrain>(learnerId).GetProgress(courseId);

        Assert.True(progress!.CourseCompleted);
        Assert.Single(await Listed(learnerId));
    }

    private Task<IReadOnlyList<CertificateRef>> Listed(string learnerId) =>
        fixture.Grains.GetGrain<ILearnerCertificatesGrain>(learnerId).ListAsync();

    private Task<(string LearnerId, string CourseId)> Enrolled() => TestData.Enrolled(fixture.Grains, T0);
}
