using AdaptiveMooc.Grains.Abstractions.Analytics;
using AdaptiveMooc.Grains.Abstractions.Courses;
using AdaptiveMooc.Grains.Abstractions.Learners;
using AdaptiveMooc.Grains.Abstractions.Statements;

namespace AdaptiveMooc.Grains.Tests.Analytics;

/// <summary>
/// A fact or an enrolment whose call to a live shard fails (a timeout) is not lost for good: the learner's
/// next fact about the course carries the sequence of the one before it (the row sees the gap and catches
/// up from the store) and the enrolment as the learner grain holds it.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class AnalyticsFailedCallTests(ClusterFixture fixture)
{
    private static readonly DateTimeOffset T0 = new(2026, 4, 6, 9, 0, 0, TimeSpan.Zero);

    private IStatementIngestGrain Ingest => fixture.Client.GetGrain<IStatementIngestGrain>(0);

    [Fact]
    public async Task A_fact_whose_shard_call_failed_comes_back_with_the_learners_next_fact_about_the_course()
    {
        var (learnerId, courseId) = await Enrolled();
        var other = TestData.NewId("course");
        await TestData.PublishedCourse(fixture.Client, other);
        await fixture.Client.GetGrain<ILearnerGrain>(learnerId).Enroll(new EnrolmentRequest(other, null, null, T0, null));
        var dropped = TestData.Statement(learnerId, courseId, "l2", "completed", T0.AddDays(1));
        DroppedAnalyticsFacts.Ids[dropped.Id] = true;

        await Ingest.Ingest([TestData.Statement(learnerId, courseId, "l1", "experienced", T0)]);
        await Ingest.Ingest([dropped]);
        // Statements about another course in between: not a gap for this one.
        await Ingest.Ingest([TestData.Statement(learnerId, other, "l1", "experienced", T0.AddDays(2))]);
        var afterFailure = await Row(learnerId, courseId);

        Assert.False(DroppedAnalyticsFacts.Ids.ContainsKey(dropped.Id));
        Assert.Equal([Day(T0)], afterFailure.Days.Keys);
        Assert.DoesNotContain("l2", afterFailure.Graded.Keys);

        await Ingest.Ingest([TestData.Statement(learnerId, courseId, "l3", "experienced", T0.AddDays(3))]);
        var recovered = await Row(learnerId, courseId);

        Assert.Equal([Day(T0), Day(T0.AddDays(1)), Day(T0.AddDays(3))], recovered.Days.Keys);
        Assert.Contains("l2", recovered.Graded.Keys);
        Assert.Equal([Day(T0.AddDays(2))], (await Row(learnerId, other)).Days.Keys);
    }

    [Fact]
    public async Task An_enrolment_whose_shard_call_failed_comes_with_the_learners_next_fact_about_the_course()
    {
        var courseId = TestData.NewId("course");
        await TestData.PublishedCourse(fixture.Client, courseId);
        var learnerId = TestData.NewId("learner");
        var learner = fixture.Client.GetGrain<ILearnerGrain>(learnerId);
        await learner.Register(TestData.Learner(learnerId));
        DroppedAnalyticsFacts.Enrolments[learnerId] = true;

        await learner.Enroll(new EnrolmentRequest(courseId, null, null, T0, WeeklyStudyHours: 14));
        await Ingest.Ingest([TestData.Statement(learnerId, courseId, "l1", "experienced", T0.AddHours(1))]);
        var row = await Row(learnerId, courseId);

        Assert.False(DroppedAnalyticsFacts.Enrolments.ContainsKey(learnerId));
        Assert.Equal((T0, null, 14.0), (row.EnrolledAt, row.WithdrawnAt, row.WeeklyStudyHours));

        // A withdrawal lost the same way comes with the next fact too.
        DroppedAnalyticsFacts.Enrolments[learnerId] = true;
        await learner.Withdraw(courseId, T0.AddDays(2), "busy");
        Assert.Null((await Row(learnerId, courseId)).WithdrawnAt);
        await Ingest.Ingest([TestData.Statement(learnerId, courseId, "l1", "experienced", T0.AddDays(3))]);
        Assert.Equal(T0.AddDays(2), (await Row(learnerId, courseId)).WithdrawnAt);
    }

    private static int Day(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime).DayNumber;

    private async Task<LearnerAnalyticsRow> Row(string learnerId, string courseId) =>
        Assert.Single(
            await fixture.Client.GetGrain<ICourseAnalyticsShardGrain>(AnalyticsShards.KeyOf(courseId, learnerId)).GetRows(),
            r => r.LearnerId == learnerId);


    private Task<(string LearnerId, string CourseId)> Enrolled() => TestData.Enrolled(fixture.Client, T0);
}
