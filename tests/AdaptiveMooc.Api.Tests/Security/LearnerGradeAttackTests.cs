using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AdaptiveMooc.Api.Tests.Security;

/// <summary>
/// Issue 16, finding 2: a learner cannot grade themself indirectly. Grades are judged by the source each
/// statement came from (stored with it), at the time they are evaluated; success and completion on graded
/// kinds are grades; timestamps before the enrolment and statements about courses the learner is not
/// enrolled in feed no course model.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class LearnerGradeAttackTests(SecurityFixture fixture)
{
    private readonly SecurityWorld world = new(fixture);

    [Fact]
    public async Task A_passed_claim_on_a_lesson_the_trainer_adds_later_does_not_count_for_the_certificate()
    {
        var (_, owner) = await world.TrainerAsync();
        var courseId = await world.CourseAsync(owner);
        var (learnerId, learner) = await world.LearnerAsync(null, courseId);

        // Before the lesson exists the claim is about an unknown activity: stored, as an LRS stores it.
        using (var early = await world.PostStatementsAsync(learner, world.Statement(learnerId, courseId, "l9", "passed", score: 1.0)))
        {
            Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        }

        using (var own = await world.PostStatementsAsync(learner, world.Statement(learnerId, courseId, "l1", "completed")))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        }

        // The trainer grades the quiz 0.5 (the course asks for 0.6), then adds a second quiz l9.
        using (var graded = await world.PostStatementsAsync(owner, world.Statement(learnerId, courseId, "l2", "completed", score: 0.5)))
        {
            Assert.Equal(HttpStatusCode.OK, graded.StatusCode);
        }

        var definition = Payloads.Course(courseId);
        var lessons = definition["modules"]![0]!["lessons"]!.AsArray();
        var quiz = Payloads.Lesson("l9", "quiz", [], required: false);
        lessons.Add(quiz);
        await world.ExpectAsync(HttpMethod.Put, $"/api/courses/{courseId}", owner, definition, HttpStatusCode.OK);

        var evaluation = await world.ExpectAsync(
            HttpMethod.Post, $"/api/learners/{learnerId}/courses/{courseId}/certificate", learner, null, HttpStatusCode.OK);
        Assert.False(evaluation.GetProperty("eligible").GetBoolean(), evaluation.ToString());
        Assert.Equal(0.25, evaluation.GetProperty("meanScore").GetDouble(), 6);
    }

    [Theory]
    [InlineData("completed", null, null)]
    [InlineData("experienced", true, null)]
    [InlineData("experienced", null, true)]
    public async Task Completion_or_success_on_a_quiz_from_the_learner_is_refused_and_completes_nothing(string verb, bool? completion, bool? success)
    {
        var (_, owner) = await world.TrainerAsync();
        var courseId = await world.CourseAsync(owner);
        var (learnerId, learner) = await world.LearnerAsync(null, courseId);

        using (var response = await world.PostStatementsAsync(learner, world.Statement(learnerId, courseId, "l2", verb, completion: completion, success: success)))
        {
            await Problem.AssertAsync(response, HttpStatusCode.Forbidden, "graded");
        }

        using (var item = await world.PostStatementsAsync(learner, world.Statement(learnerId, courseId, "l2", "answered", itemId: "q1", success: true)))
        {
            await Problem.AssertAsync(item, HttpStatusCode.Forbidden, "graded");
        }

        var progress = await world.ExpectAsync(HttpMethod.Get, $"/api/learners/{learnerId}/courses/{courseId}/progress", learner, null, HttpStatusCode.OK);
        Assert.DoesNotContain("l2", progress.GetProperty("completedLessons").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task A_learner_success_claim_on_an_ungraded_lesson_does_not_raise_mastery()
    {
        var (_, owner) = await world.TrainerAsync();
        var courseId = await world.CourseAsync(owner);
        var (learnerId, learner) = await world.LearnerAsync(null, courseId);

        var claims = new JsonArray();
        for (var i = 0; i < 20; i++)
        {
            claims.Add(world.Statement(learnerId, courseId, "l1", "answered", success: true));
        }

        claims.Add(world.Statement(learnerId, courseId, "l1", "passed"));
        using (var response = await world.PostStatementsAsync(learner, claims))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var progress = await world.ExpectAsync(HttpMethod.Get, $"/api/learners/{learnerId}/courses/{courseId}/progress", learner, null, HttpStatusCode.OK);
        Assert.Contains("l1", progress.GetProperty("completedLessons").EnumerateArray().Select(e => e.GetString()));
        Assert.False(progress.GetProperty("masteryBySkill").TryGetProperty("npv", out var mastery), $"mastery of npv from the learner's own claims: {mastery}");
    }

    [Fact]
    public async Task Timestamps_before_the_enrolment_feed_no_analytics_and_future_ones_are_refused()
    {
        var (_, owner) = await world.TrainerAsync();
        var courseId = await world.CourseAsync(owner);
        var (learnerId, learner) = await world.LearnerAsync(null, courseId);

        using (var future = await world.PostStatementsAsync(learner, world.Statement(learnerId, courseId, "l1", "experienced", timestamp: DateTimeOffset.UtcNow.AddHours(2))))
        {
            var problem = await Problem.AssertAsync(future, HttpStatusCode.BadRequest, "timestamp");
            Assert.Equal("timestamp", problem.GetProperty("field").GetString());
        }

        // One statement a year before the enrolment (about l3), one now (about l1).
        var statements = new JsonArray(
            world.Statement(learnerId, courseId, "l3", "experienced", timestamp: DateTimeOffset.UtcNow.AddDays(-365)),
            world.Statement(learnerId, courseId, "l1", "experienced"));
        using (var response = await world.PostStatementsAsync(learner, statements))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var row = await LearnerRowAsync(owner, courseId, learnerId, r => r[6].Length > 0);
        Assert.Equal("1", row[3]);
        var analytics = await world.ExpectAsync(HttpMethod.Get, $"/api/courses/{courseId}/analytics", owner, null, HttpStatusCode.OK);
        Assert.Equal(0, Lesson(analytics, "l3").GetProperty("started").GetInt32());
        Assert.Equal(1, Lesson(analytics, "l1").GetProperty("started").GetInt32());
    }

    [Fact]
    public async Task A_learner_not_enrolled_in_the_course_feeds_none_of_its_analytics()
    {
        var (_, owner) = await world.TrainerAsync();
        var courseId = await world.CourseAsync(owner);
        var (outsiderId, outsider) = await world.LearnerAsync();
        var (learnerId, learner) = await world.LearnerAsync(null, courseId);

        using (var response = await world.PostStatementsAsync(outsider, world.Statement(outsiderId, courseId, "l3", "experienced")))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        using (var response = await world.PostStatementsAsync(learner, world.Statement(learnerId, courseId, "l1", "experienced")))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await LearnerRowAsync(owner, courseId, learnerId, r => r[6].Length > 0);
        var analytics = await world.ExpectAsync(HttpMethod.Get, $"/api/courses/{courseId}/analytics", owner, null, HttpStatusCode.OK);
        Assert.Equal(0, Lesson(analytics, "l3").GetProperty("started").GetInt32());
        Assert.Equal(1, analytics.GetProperty("enrolled").GetInt32());
    }

    private static JsonElement Lesson(JsonElement analytics, string lessonId) =>
        analytics.GetProperty("lessons").EnumerateArray().Single(l => l.GetProperty("lessonId").GetString() == lessonId);

    /// <summary>The learner's row of learners.csv once <paramref name="ready"/> holds (analytics follow the learner grains shortly after).</summary>
    private async Task<string[]> LearnerRowAsync(Credential trainer, string courseId, string learnerId, Func<string[], bool> ready)
    {
        string[]? row = null;
        for (var attempt = 0; attempt < 60; attempt++)
        {
            using var request = fixture.Request(HttpMethod.Get, $"/api/courses/{courseId}/analytics/learners.csv", trainer);
            using var response = await fixture.Main.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var csv = await response.Content.ReadAsStringAsync();
            row = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).FirstOrDefault(r => r[0] == learnerId);
            if (row is not null && ready(row))
            {
                return row;
            }

            await Task.Delay(250);
        }

        Assert.Fail($"learners.csv never showed {learnerId} as expected; last: {(row is null ? "no row" : string.Join(',', row))}");
        return [];
    }
}
