using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Courses;
using AdaptiveMooc.Grains.Abstractions.Learners;
using AdaptiveMooc.Grains.Abstractions.Models;
using AdaptiveMooc.Grains.Abstractions.Planning;
using AdaptiveMooc.Grains.Abstractions.Recommendations;
using AdaptiveMooc.Grains.Abstractions.Statements;
using AdaptiveMooc.Grains.Models;
using AdaptiveMooc.ML.Pacing;
using Microsoft.Extensions.DependencyInjection;

namespace AdaptiveMooc.Grains.Tests.Models;

/// <summary>The platform's grains with the shipped models serving.</summary>
[Collection(ModelsClusterCollection.Name)]
public sealed class ServingTests(ModelsClusterFixture fixture)
{
    private IStatementIngestGrain Ingest => fixture.Client.GetGrain<IStatementIngestGrain>(0);

    private IModelCatalog Catalog => fixture.SiloServices.GetRequiredService<IModelCatalog>();

    [Fact]
    public async Task The_status_grain_reports_the_silo_catalog()
    {
        var status = await fixture.Client.GetGrain<IModelStatusGrain>(0).GetStatus();

        Assert.Equal(ModelCatalogStatus.Ready, status.State);
        Assert.Equal(Catalog.Current.Version, status.Version);
        Assert.Contains("ranking", status.Loaded);
        Assert.Contains("pacing", status.Loaded);
    }

    [Fact]
    public async Task Recommendations_of_a_learner_with_history_are_ranked_by_the_model_and_stay_valid()
    {
        var (learnerId, courseId) = await Enrolled(CourseOfSix);
        var at = DateTimeOffset.UtcNow.AddHours(-2);
        await Ingest.Ingest(
        [
            TestData.Statement(learnerId, courseId, "a1", "experienced", at),
            TestData.Statement(learnerId, courseId, "a1", "completed", at.AddMinutes(20)),
            TestData.Statement(learnerId, courseId, "a2", "experienced", at.AddMinutes(30)),
            TestData.Statement(learnerId, courseId, "a4", "experienced", at.AddMinutes(40)),
        ]);

        var result = (await fixture.Client.GetGrain<IRecommendationGrain>(0).Recommend(learnerId, courseId, 10))!;

        Assert.Equal(Catalog.Current.Version, result.ModelVersion);
        Assert.NotEqual(ModelSet.PriorVersion, result.ModelVersion);

        // Candidates only: not completed, prerequisites completed (a3 needs a2, which is only started).
        Assert.Equal(["a2", "a4", "a5", "a6"], result.Items.Select(i => i.LessonId).Order(StringComparer.Ordinal));
        Assert.All(result.Items, i =>
        {
            Assert.InRange(i.Score, 0, 1);
            Assert.Equal("prerequisites-met", i.Reasons[0]);
            Assert.DoesNotContain("cold-start", i.Reasons);
        });
        Assert.Equal(result.Items.OrderByDescending(i => i.Score).Select(i => i.LessonId), result.Items.Select(i => i.LessonId));
    }

    [Fact]
    public async Task A_new_learner_still_gets_cold_start_recommendations()
    {
        var (learnerId, courseId) = await Enrolled(CourseOfSix);

        var result = (await fixture.Client.GetGrain<IRecommendationGrain>(0).Recommend(learnerId, courseId, 3))!;

        Assert.Equal(ModelSet.PriorVersion, result.ModelVersion);
        Assert.Equal(["a1", "a4", "a5"], result.Items.Select(i => i.LessonId));
        Assert.All(result.Items, i => Assert.Contains("cold-start", i.Reasons));
    }

    [Fact]
    public async Task Course_ranking_statistics_count_the_learners_lesson_days()
    {
        var (learnerId, courseId) = await Enrolled(CourseOfSix);
        var at = DateTimeOffset.UtcNow.AddHours(-1);
        await Ingest.Ingest(
        [
            TestData.Statement(learnerId, courseId, "a1", "experienced", at),
            TestData.Statement(learnerId, courseId, "a4", "experienced", at.AddMinutes(5)),
        ]);

        // Observations are one-way messages: wait for them (bounded) rather than for a fixed time.
        CourseRankingSnapshot? snapshot = null;
        for (var i = 0; i < 300 && snapshot?.Observations != 2; i++)
        {
            snapshot = await fixture.Client.GetGrain<ICourseRankingGrain>(courseId).GetSnapshot();
            await Task.Delay(20);
        }

        Assert.Equal(2, snapshot!.Observations);
        Assert.Contains("\"lessonId\":\"a4\",\"learnerDays\":1", snapshot.Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pacing_learns_the_learners_minutes_and_sizes_the_plan()
    {
        var (learnerId, courseId) = await Enrolled(CourseOfSix);
        var at = DateTimeOffset.UtcNow.AddDays(-1);

        // a1 is declared 20 minutes; this learner took 60 four times.
        await Ingest.Ingest(
        [
            .. Enumerable.Range(0, 4).Select(i => TestData.Statement(learnerId, courseId, "a1", "experienced", at.AddMinutes(i), duration: TimeSpan.FromMinutes(60))),
        ]);
        var view = (await fixture.Client.GetGrain<ILearnerGrain>(learnerId).GetModelView(courseId))!;

        Assert.Equal(4, view.TimedLessons);
        Assert.Equal(4 * Math.Log(3), view.LogRatioSum, 9);
        var minutes = PacingMinutes.For(Catalog.Current, view);
        var expected = (int)Math.Ceiling(20 * Math.Exp(4 * Math.Log(3) / (4 + Catalog.Current.Pacing!.Info.MinutesPriorStrength)));
        var lesson = new LessonDefinition("x", "x", LessonKinds.Video, 20);
        Assert.Equal(expected, minutes(lesson));
        Assert.True(minutes(lesson) > 20);
        Assert.Equal(20, PacingMinutes.For(ModelSet.Prior(), view)(lesson));

        var plan = (await fixture.Client.GetGrain<IPlanGrain>($"{learnerId}/{courseId}").GetPlan(4))!;
        var planned = plan.Sessions.Sum(s => (s.End - s.Start).TotalMinutes);
        var declared = CourseOfSix(courseId).AllLessons().Where(l => l.Required).Sum(l => l.Minutes);
        Assert.True(plan.Sessions.Count > 0);
        Assert.True(planned > declared, $"planned {planned} min for {declared} declared minutes of a learner three times slower");
    }

    [Fact]
    public async Task Mastery_comes_from_knowledge_tracing_for_every_skill_with_graded_evidence()
    {
        var (learnerId, courseId) = await Enrolled(CourseOfSix);
        var at = DateTimeOffset.UtcNow.AddHours(-1);
        await Ingest.Ingest(
        [
            TestData.Statement(learnerId, courseId, "a3", "answered", at, itemId: "i1", success: true),
            TestData.Statement(learnerId, courseId, "a3", "answered", at.AddMinutes(1), itemId: "i1", success: true),
            TestData.Statement(learnerId, courseId, "a3", "answered", at.AddMinutes(2), itemId: "i2", success: false),
            TestData.Statement(learnerId, courseId, "a1", "experienced", at.AddMinutes(3)),
        ]);

        var progress = (await fixture.Client.GetGrain<ILearnerGrain>(learnerId).GetProgress(courseId))!;

        Assert.Equal(["algebra", "geometry"], progress.MasteryBySkill.Keys.Order(StringComparer.Ordinal));
        // Whatever the shipped priors, two right answers must leave a skill above one with a wrong answer.
        Assert.True(
            progress.MasteryBySkill["algebra"] > progress.MasteryBySkill["geometry"],
            $"algebra {progress.MasteryBySkill["algebra"]}, geometry {progress.MasteryBySkill["geometry"]}");
    }

    [Fact]
    public async Task The_learner_model_survives_deactivation()
    {
        var (learnerId, courseId) = await Enrolled(CourseOfSix);
        var at = DateTimeOffset.UtcNow.AddHours(-3);
        await Ingest.Ingest(
        [
            TestData.Statement(learnerId, courseId, "a1", "experienced", at, duration: TimeSpan.FromMinutes(30)),
            TestData.Statement(learnerId, courseId, "a3", "answered", at.AddMinutes(1), itemId: "i1", success: true),
            TestData.Statement(learnerId, courseId, "a3", "completed", at.AddMinutes(2), duration: TimeSpan.FromMinutes(5)),
        ]);
        var learner = fixture.Client.GetGrain<ILearnerGrain>(learnerId);
        var before = (await learner.GetModelView(courseId))!;

        await fixture.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var after = (await learner.GetModelView(courseId))!;

        Assert.NotNull(before.Ranking);
        Assert.Equal(before.Ranking, after.Ranking);
        Assert.Equal(before.Mastery, after.Mastery);
        Assert.Equal(before.Practices, after.Practices);
        Assert.Equal(before.LastPractised, after.LastPractised);
        Assert.Equal(2, after.TimedLessons);
        Assert.Equal(before.LogRatioSum, after.LogRatioSum);
        Assert.Equal(before.CourseStart, after.CourseStart);
    }

    private static CourseDefinition CourseOfSix(string id) => new(
        id, "Maths", "maths", "Six lessons", "en", new Pricing(Pricing.Free),
        new CertificateRule(CertificateRule.Statement, 0.6), null,
        [
            new ModuleDefinition("m1", "One",
            [
                new LessonDefinition("a1", "Intro", LessonKinds.Video, 20, ["algebra"]),
                new LessonDefinition("a2", "Reading", LessonKinds.Reading, 15, ["algebra"], ["a1"]),
                new LessonDefinition("a3", "Quiz", LessonKinds.Quiz, 10, ["algebra"], ["a2"], true, null, 14,
                    [new LessonItem("i1", ["algebra"]), new LessonItem("i2", ["geometry"])]),
            ]),
            new ModuleDefinition("m2", "Two",
            [
                new LessonDefinition("a4", "Shapes", LessonKinds.Video, 30, ["geometry"]),
                new LessonDefinition("a5", "Tutorial", LessonKinds.Tutorial, 25, ["geometry"], [], false),
                new LessonDefinition("a6", "Lecture", LessonKinds.Lecture, 40, ["geometry"], ["a1"]),
            ]),
        ]);

    private async Task<(string LearnerId, string CourseId)> Enrolled(Func<string, CourseDefinition> definition)
    {
        var courseId = TestData.NewId("course");
        var course = fixture.Client.GetGrain<ICourseGrain>(courseId);
        Assert.Equal(CommandStatus.Created, (await course.Create(definition(courseId), "trainer-1")).Status);
        await course.Publish();
        var learnerId = TestData.NewId("learner");
        var learner = fixture.Client.GetGrain<ILearnerGrain>(learnerId);
        await learner.Register(TestData.Learner(learnerId) with
        {
            WeeklyAvailability = [.. Enum.GetValues<DayOfWeek>().Select(d => new AvailabilityWindow(d, new TimeOnly(18, 0), new TimeOnly(22, 0)))],
        });
        await learner.Enroll(new EnrolmentRequest(courseId, null, null, DateTimeOffset.UtcNow.AddDays(-2)));
        return (learnerId, courseId);
    }
}
