using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Courses;
using AdaptiveMooc.Grains.Abstractions.Learners;
using AdaptiveMooc.Grains.Abstractions.Recommendations;
using AdaptiveMooc.Grains.Abstractions.Statements;

namespace AdaptiveMooc.Grains.Tests.Recommendations;

[Collection(ClusterCollection.Name)]
public sealed class RecommendationGrainTests(ClusterFixture fixture)
{
    private IRecommendationGrain Grain => fixture.Client.GetGrain<IRecommendationGrain>(0);

    [Fact]
    public async Task A_new_learner_gets_course_order_with_cold_start_reasons()
    {
        var (learnerId, courseId) = await Enrolled();

        var result = (await Grain.Recommend(learnerId, courseId, 5))!;

        Assert.Equal("prior-1", result.ModelVersion);
        Assert.Equal(["l1", "l3"], result.Items.Select(i => i.LessonId));
        Assert.All(result.Items, i => Assert.Contains("cold-start", i.Reasons));
        Assert.Equal("prerequisites-met", result.Items[0].Reasons[0]);
        Assert.Contains("course-order", result.Items[0].Reasons);
    }

    [Fact]
    public async Task After_finishing_a_prerequisite_its_follower_becomes_a_candidate_and_weak_skills_show()
    {
        var (learnerId, courseId) = await Enrolled();
        var at = DateTimeOffset.UtcNow.AddMinutes(-10);
        await fixture.Client.GetGrain<IStatementIngestGrain>(0).Ingest(
        [
            TestData.Statement(learnerId, courseId, "l1", "completed", at),
            TestData.Statement(learnerId, courseId, "l2", "answered", at.AddMinutes(1), itemId: "q1", success: false),
            TestData.Statement(learnerId, courseId, "l2", "answered", at.AddMinutes(2), itemId: "q1", success: false),
        ]);

        var result = (await Grain.Recommend(learnerId, courseId, 5))!;

        Assert.Equal(["l2", "l3"], result.Items.Select(i => i.LessonId).Order(StringComparer.Ordinal));
        Assert.All(result.Items, i => Assert.DoesNotContain("cold-start", i.Reasons));
        Assert.Contains("weak-skill:npv", result.Items.Single(i => i.LessonId == "l2").Reasons);
        Assert.Equal("l2", result.Items[0].LessonId);
    }

    [Fact]
    public async Task Limit_is_respected_and_unknown_pairs_answer_null()
    {
        var (learnerId, courseId) = await Enrolled();

        Assert.Single((await Grain.Recommend(learnerId, courseId, 1))!.Items);
        Assert.Null(await Grain.Recommend(learnerId, "no-such-course", 5));
    }

    [Fact]
    public async Task The_learners_kept_answer_equals_a_fresh_ranking_and_moves_with_each_statement()
    {
        var (learnerId, courseId) = await Enrolled();
        var learner = fixture.Client.GetGrain<ILearnerGrain>(learnerId);

        var first = (await learner.GetRecommendations(courseId, 5))!;
        var again = (await learner.GetRecommendations(courseId, 5))!;
        Assert.Equal(Ids(await Grain.Recommend(learnerId, courseId, 5)), Ids(first));
        Assert.Equal(Ids(first), Ids(again));
        Assert.Equal(Ids(first).Take(1), Ids(await learner.GetRecommendations(courseId, 1)));

        // A statement inside the kept answer's lifetime must not be answered from the old ranking.
        await fixture.Client.GetGrain<IStatementIngestGrain>(0).Ingest(
            [TestData.Statement(learnerId, courseId, "l1", "completed", DateTimeOffset.UtcNow.AddMinutes(-1))]);
        var after = (await learner.GetRecommendations(courseId, 5))!;
        Assert.DoesNotContain("l1", Ids(after));
        Assert.Contains("l2", Ids(after));
        Assert.Equal(Ids(await Grain.Recommend(learnerId, courseId, 5)), Ids(after));
    }

    [Fact]
    public async Task Unknown_courses_and_learners_answer_null_from_the_learner_too()
    {
        var (learnerId, courseId) = await Enrolled();
        var learner = fixture.Client.GetGrain<ILearnerGrain>(learnerId);
        Assert.NotNull(await learner.GetRecommendations(courseId, 5));
        Assert.Null(await learner.GetRecommendations("no-such-course", 5));

        var unregistered = fixture.Client.GetGrain<ILearnerGrain>(TestData.NewId("nobody"));
        Assert.Null(await unregistered.GetRecommendations(courseId, 5));
    }

    [Fact]
    public async Task An_availability_change_is_seen_at_once()
    {
        var (learnerId, courseId) = await Enrolled();
        var learner = fixture.Client.GetGrain<ILearnerGrain>(learnerId);
        var before = (await learner.GetRecommendations(courseId, 5))!;
        Assert.Contains(before.Items, i => i.Reasons.Contains("fits-next-window"));

        Assert.Equal(CommandStatus.Ok, (await learner.UpdateAvailability("Europe/Paris", [])).Status);

        var after = (await learner.GetRecommendations(courseId, 5))!;
        Assert.DoesNotContain(after.Items, i => i.Reasons.Contains("fits-next-window"));
    }

    private static string[] Ids(LessonRecommendations? result) => [.. result!.Items.Select(i => i.LessonId)];

    // Enrolled an hour ago: the tests' statements of the last minutes are all after the enrolment.
    private Task<(string LearnerId, string CourseId)> Enrolled() => TestData.Enrolled(fixture.Client, DateTimeOffset.UtcNow.AddHours(-1));
}
