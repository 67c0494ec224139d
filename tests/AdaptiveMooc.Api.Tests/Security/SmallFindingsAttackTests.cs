using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace AdaptiveMooc.Api.Tests.Security;

/// <summary>
/// Issue 16, finding 9 (the part about ids, body sizes, list caps, password lengths and forum authors).
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class SmallFindingsAttackTests(SecurityFixture fixture)
{
    private readonly SecurityWorld world = new(fixture);

    [Fact]
    public async Task An_id_with_a_trailing_newline_is_refused()
    {
        var id = "ada-" + Guid.NewGuid().ToString("N")[..8];
        var body = Payloads.Learner(id + "\n");
        body["email"] = $"{id}@example.org";
        using var response = await fixture.Main.Http.PostAsJsonAsync("/api/learners", body);
        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "id");
        Assert.Equal("id", problem.GetProperty("field").GetString());

        var (_, owner) = await world.TrainerAsync();
        var course = Payloads.Course("c-" + Guid.NewGuid().ToString("N")[..8] + "\n");
        using var request = fixture.Request(HttpMethod.Post, "/api/courses", owner);
        request.Content = JsonContent.Create(course);
        using var courseResponse = await fixture.Main.Http.SendAsync(request);
        await Problem.AssertAsync(courseResponse, HttpStatusCode.BadRequest, "id");
    }

    [Theory]
    [InlineData("forum/threads")]
    [InlineData("webinars")]
    public async Task Forum_and_webinar_routes_refuse_bodies_over_64_KiB(string route)
    {
        var (_, owner) = await world.TrainerAsync();
        var courseId = await world.CourseAsync(owner);
        var big = new string('x', 100 * 1024);
        using var request = fixture.Request(HttpMethod.Post, $"/api/courses/{courseId}/{route}", owner);
        request.Content = new StringContent(JsonSerializer.Serialize(new { title = "big", body = big }), Encoding.UTF8, "application/json");
        using var response = await fixture.Main.Http.SendAsync(request);
        await Problem.AssertAsync(response, HttpStatusCode.RequestEntityTooLarge, "65536");
    }

    [Fact]
    public async Task Analytics_lists_are_capped_at_500_items_and_learners_csv_pages()
    {
        var (_, owner) = await world.TrainerAsync();
        var courseId = await world.CourseAsync(owner);
        using (var request = fixture.Request(HttpMethod.Get, $"/api/courses/{courseId}/analytics?atRiskLimit=501", owner))
        using (var response = await fixture.Main.Http.SendAsync(request))
        {
            var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "atRiskLimit");
            Assert.Equal("atRiskLimit", problem.GetProperty("field").GetString());
        }

        using (var request = fixture.Request(HttpMethod.Get, $"/api/courses/{courseId}/analytics/learners.csv?limit=501", owner))
        using (var response = await fixture.Main.Http.SendAsync(request))
        {
            await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "limit");
        }

        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await world.LearnerAsync(null, courseId)).Id);
        }

        // Enrolments reach analytics shortly after they are acknowledged: page once all three are listed.
        var seen = new List<string>();
        for (var attempt = 0; attempt < 40 && seen.Count < 3; attempt++)
        {
            seen.Clear();
            string? path = $"/api/courses/{courseId}/analytics/learners.csv?limit=2";
            var pages = 0;
            while (path is not null)
            {
                using var request = fixture.Request(HttpMethod.Get, path, owner);
                using var response = await fixture.Main.Http.SendAsync(request);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var rows = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
                Assert.InRange(rows.Count, 0, 2);
                seen.AddRange(rows.Select(r => r.Split(',')[0]));
                path = response.Headers.TryGetValues("Link", out var links)
                    ? links.Single().Split(';')[0].Trim('<', '>', ' ')
                    : null;
                pages++;
            }

            if (seen.Count < 3)
            {
                await Task.Delay(250);
            }
            else
            {
                Assert.Equal(2, pages);
            }
        }

        Assert.Equal(ids.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Register_and_sign_in_agree_on_the_longest_password()
    {
        var body = Payloads.Learner("l-" + Guid.NewGuid().ToString("N")[..12]);
        body["password"] = new string('p', 200);
        using var response = await fixture.Main.Http.PostAsJsonAsync("/api/learners", body);
        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "password");
        Assert.Equal("password", problem.GetProperty("field").GetString());

        // The longest password registration takes is one sign-in takes.
        var id = "l-" + Guid.NewGuid().ToString("N")[..12];
        var longest = new string('p', 128);
        var ok = Payloads.Learner(id);
        ok["password"] = longest;
        using var created = await fixture.Main.Http.PostAsJsonAsync("/api/learners", ok);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var token = await fixture.Main.Http.PostAsJsonAsync("/api/auth/token", new { username = id, password = longest });
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
    }

    [Fact]
    public async Task A_learner_with_the_id_of_the_trainer_who_opened_a_thread_cannot_accept_its_answers()
    {
        // Since issue 15 ids are one namespace: the namesake learner cannot even be registered, so it can
        // neither post nor accept as the trainer who opened the thread.
        var shared = "dup-" + Guid.NewGuid().ToString("N")[..12];
        var (_, owner) = await world.TrainerAsync();
        var (trainerId, trainer) = await world.TrainerAsync(shared);
        var courseId = await world.CourseAsync(owner);
        await world.ExpectAsync(HttpMethod.Post, $"/api/courses/{courseId}/trainers", owner, new { trainerId }, HttpStatusCode.OK);
        var namesake = Payloads.Learner(shared);
        namesake["password"] = "namesake password";
        await world.ExpectAsync(HttpMethod.Post, "/api/learners", Credential.None, namesake, HttpStatusCode.Conflict);

        var thread = await world.ExpectAsync(HttpMethod.Post, $"/api/courses/{courseId}/forum/threads", trainer, new { title = "Announcement", body = "Questions here." }, HttpStatusCode.Created);
        var threadId = thread.GetProperty("id").GetString();
        var (_, learner) = await world.LearnerAsync(null, courseId);
        var reply = await world.ExpectAsync(HttpMethod.Post, $"/api/courses/{courseId}/forum/threads/{threadId}/posts", learner, new { body = "My own answer." }, HttpStatusCode.Created);
        using var signIn = await fixture.Main.Http.PostAsJsonAsync("/api/auth/token", new { username = shared, password = "namesake password" });
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);

        await world.ExpectAsync(HttpMethod.Post, $"/api/courses/{courseId}/forum/threads/{threadId}/accepted", learner,
            new { postId = reply.GetProperty("id").GetString() }, HttpStatusCode.Forbidden);
        await world.ExpectAsync(HttpMethod.Post, $"/api/courses/{courseId}/forum/threads/{threadId}/accepted", trainer,
            new { postId = reply.GetProperty("id").GetString() }, HttpStatusCode.OK);
    }
}
