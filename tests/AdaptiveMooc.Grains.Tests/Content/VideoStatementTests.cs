using AdaptiveMooc.Grains.Abstractions.Learners;
using AdaptiveMooc.Grains.Abstractions.Statements;

namespace AdaptiveMooc.Grains.Tests.Content;

/// <summary>
/// The player's xAPI video profile statements through the ingestion path: played/paused/seeked are engagement
/// (they start the lesson and add time), a watched share of at least 0.9 completes it, a "completed" below it does not.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class VideoStatementTests(ClusterFixture fixture)
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private IStatementIngestGrain Ingest => fixture.Client.GetGrain<IStatementIngestGrain>(0);

    [Fact]
    public async Task Played_paused_and_seeked_start_the_lesson_and_count_time_without_completing_it()
    {
        var (learnerId, courseId) = await TestData.Enrolled(fixture.Client, T0);
        await Ingest.Ingest([
            Video(learnerId, courseId, XapiVideo.Played, T0.AddMinutes(1)),
            Video(learnerId, courseId, XapiVideo.Seeked, T0.AddMinutes(2)),
            Video(learnerId, courseId, XapiVideo.Paused, T0.AddMinutes(3), duration: TimeSpan.FromMinutes(4)),
        ]);

        var progress = (await fixture.Client.GetGrain<ILearnerGrain>(learnerId).GetProgress(courseId))!;
        Assert.Contains("l1", progress.StartedLessons);
        Assert.DoesNotContain("l1", progress.CompletedLessons);
        Assert.Equal(4, progress.MinutesSpent);
    }

    [Fact]
    public async Task Completed_with_a_watched_share_below_the_threshold_does_not_complete()
    {
        var (learnerId, courseId) = await TestData.Enrolled(fixture.Client, T0);
        // The parser turns progress 0.5 on "completed" into result.completion false.
        await Ingest.Ingest([TestData.Statement(learnerId, courseId, "l1", "completed", T0.AddMinutes(5), completion: false, fromGrader: false)]);

        var progress = (await fixture.Client.GetGrain<ILearnerGrain>(learnerId).GetProgress(courseId))!;
        Assert.DoesNotContain("l1", progress.CompletedLessons);
        Assert.Contains("l1", progress.StartedLessons);
    }

    [Fact]
    public async Task A_paused_statement_at_a_watched_share_of_at_least_the_threshold_completes()
    {
        var (learnerId, courseId) = await TestData.Enrolled(fixture.Client, T0);
        // The parser turns progress 0.93 into result.completion true, whatever the video verb.
        await Ingest.Ingest([Video(learnerId, courseId, XapiVideo.Paused, T0.AddMinutes(20), completion: true)]);

        var progress = (await fixture.Client.GetGrain<ILearnerGrain>(learnerId).GetProgress(courseId))!;
        Assert.Contains("l1", progress.CompletedLessons);
    }

    [Theory]
    [InlineData(XapiVerbs.Completed, 0.95, true)]
    [InlineData(XapiVerbs.Completed, 0.9, true)]
    [InlineData(XapiVerbs.Completed, 0.89, false)]
    [InlineData(XapiVideo.Paused, 0.92, true)]
    [InlineData(XapiVideo.Paused, 0.5, null)]
    [InlineData(XapiVideo.Seeked, 0.1, null)]
    public void The_watched_share_decides_completion(string verb, double progress, bool? completion) =>
        Assert.Equal(completion, XapiVideo.CompletionOf(verb, progress));

    private static StatementRecord Video(
        string learnerId, string courseId, string verbIri, DateTimeOffset timestamp, bool? completion = null, TimeSpan? duration = null) =>
        TestData.Statement(learnerId, courseId, "l1", "x", timestamp, completion: completion, duration: duration, fromGrader: false) with { Verb = verbIri };
}
