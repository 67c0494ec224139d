using System.Net;
using System.Text.Json.Nodes;

namespace AdaptiveMooc.Api.Tests.Security;

/// <summary>
/// Issue 16, finding 1: statements (and so grades and certificates) about a course come only from callers
/// allowed on that course: its owner and co-trainers, admins, and API keys whose course scope covers it.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class GradeWriterAttackTests(SecurityFixture fixture)
{
    private readonly SecurityWorld world = new(fixture);

    [Fact]
    public async Task A_trainer_who_does_not_teach_the_course_cannot_grade_or_complete_for_its_learners()
    {
        var (_, owner) = await world.TrainerAsync();
        var (outsiderId, outsider) = await world.TrainerAsync();
        var courseId = await world.CourseAsync(owner);
        var (learnerId, learnerToken) = await world.LearnerAsync(null, courseId);

        // The attack: every required lesson completed and the quiz passed by a trainer of another course.
        var attack = new JsonArray(
            world.Statement(learnerId, courseId, "l1", "completed"),
            world.Statement(learnerId, courseId, "l2", "passed", score: 1.0));
        using (var response = await world.PostStatementsAsync(outsider, attack))
        {
            await Problem.AssertAsync(response, HttpStatusCode.Forbidden, courseId);
        }

        var progress = await world.ExpectAsync(HttpMethod.Get, $"/api/learners/{learnerId}/courses/{courseId}/progress", learnerToken, null, HttpStatusCode.OK);
        Assert.Empty(progress.GetProperty("completedLessons").EnumerateArray());
        var certificates = await world.ExpectAsync(HttpMethod.Get, $"/api/learners/{learnerId}/certificates", learnerToken, null, HttpStatusCode.OK);
        Assert.Empty(certificates.GetProperty("items").EnumerateArray());

        // Once the owner adds the outsider as a co-trainer, the same grades are accepted.
        await world.ExpectAsync(HttpMethod.Post, $"/api/courses/{courseId}/trainers", owner, new { trainerId = outsiderId }, HttpStatusCode.OK);
        using (var response = await world.PostStatementsAsync(outsider, attack))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // And the owner itself may always grade.
        using var ownerResponse = await world.PostStatementsAsync(owner, new JsonArray(world.Statement(learnerId, courseId, "l2", "passed", score: 0.9)));
        Assert.Equal(HttpStatusCode.OK, ownerResponse.StatusCode);
    }

    [Fact]
    public async Task An_api_key_scoped_to_courses_writes_statements_only_about_those_courses()
    {
        var (_, owner) = await world.TrainerAsync();
        var courseId = await world.CourseAsync(owner);
        var otherCourseId = await world.CourseAsync(owner);
        var (learnerId, _) = await world.LearnerAsync(null, courseId, otherCourseId);

        var created = await world.ExpectAsync(HttpMethod.Post, "/api/api-keys", fixture.Admin,
            new { name = "grader of one course", scopes = new[] { "statements:write", "analytics:read" }, courses = new[] { courseId } }, HttpStatusCode.Created);
        var key = Credential.Key(created.GetProperty("key").GetString()!);
        Assert.Equal(courseId, created.GetProperty("courses")[0].GetString());
        var shown = await world.ExpectAsync(HttpMethod.Get, $"/api/api-keys/{created.GetProperty("id").GetString()}", fixture.Admin, null, HttpStatusCode.OK);
        Assert.Equal(courseId, shown.GetProperty("courses")[0].GetString());

        using (var allowed = await world.PostStatementsAsync(key, world.Statement(learnerId, courseId, "l2", "passed", score: 1.0)))
        {
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        // A request that mixes an allowed course with another stores nothing.
        var mixed = new JsonArray(
            world.Statement(learnerId, courseId, "l1", "completed"),
            world.Statement(learnerId, otherCourseId, "l2", "passed", score: 1.0));
        using (var refused = await world.PostStatementsAsync(key, mixed))
        {
            await Problem.AssertAsync(refused, HttpStatusCode.Forbidden, otherCourseId);
        }

        await world.ExpectAsync(HttpMethod.Get, $"/api/courses/{courseId}/analytics", key, null, HttpStatusCode.OK);
        await world.ExpectAsync(HttpMethod.Get, $"/api/courses/{otherCourseId}/analytics", key, null, HttpStatusCode.Forbidden);

        // A key without a course scope keeps writing about every course, as before.
        var (_, unscoped) = await fixture.CreateApiKeyAsync("statements:write");
        using var anyCourse = await world.PostStatementsAsync(Credential.Key(unscoped), world.Statement(learnerId, otherCourseId, "l1", "completed"));
        Assert.Equal(HttpStatusCode.OK, anyCourse.StatusCode);
    }

    [Fact]
    public async Task A_course_scope_must_name_valid_course_ids()
    {
        foreach (var courses in new object[] { new[] { "Not An Id" }, Array.Empty<string>(), new[] { "ok\n" } })
        {
            using var request = fixture.Request(HttpMethod.Post, "/api/api-keys", fixture.Admin, new { name = "x", scopes = new[] { "statements:write" }, courses });
            using var response = await fixture.Main.Http.SendAsync(request);
            var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "courses");
            Assert.Equal("courses", problem.GetProperty("field").GetString());
        }
    }
}
