using System.Net;
using System.Reflection;
using System.Text.Json.Nodes;
using AdaptiveMooc.Api.Security;
using Microsoft.Extensions.Options;

namespace AdaptiveMooc.Api.Tests.Security;

/// <summary>
/// Issue 16, finding 8: a learner's statements are bounded by a quota, live connections by a per-caller and
/// a total limit, and a malformed API key costs no grain call.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class ExhaustionAttackTests(SecurityFixture fixture)
{
    private readonly SecurityWorld world = new(fixture);

    [Fact]
    public async Task Statements_beyond_a_learners_quota_are_refused_and_nothing_of_the_request_is_stored()
    {
        var (_, owner) = await world.TrainerAsync();
        var courseId = await world.CourseAsync(owner);
        var (learnerId, learner) = await world.LearnerAsync(null, courseId);
        var (_, key) = await fixture.CreateApiKeyAsync("statements:write");
        var writer = Credential.Key(key);

        JsonArray Batch(int count)
        {
            var batch = new JsonArray();
            for (var i = 0; i < count; i++)
            {
                batch.Add(world.Statement(learnerId, courseId, "l1", "experienced", host: fixture.Limited));
            }

            return batch;
        }

        var quota = SecurityFixture.LimitedStatementQuota;
        using (var first = await world.PostStatementsAsync(writer, Batch(quota - 5), fixture.Limited))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using (var over = await world.PostStatementsAsync(writer, Batch(10), fixture.Limited))
        {
            var problem = await Problem.AssertAsync(over, HttpStatusCode.Forbidden, "quota");
            Assert.EndsWith("actor.account.name", problem.GetProperty("field").GetString(), StringComparison.Ordinal);
        }

        using (var fill = await world.PostStatementsAsync(writer, Batch(5), fixture.Limited))
        {
            Assert.Equal(HttpStatusCode.OK, fill.StatusCode);
        }

        using (var full = await world.PostStatementsAsync(writer, Batch(1), fixture.Limited))
        {
            await Problem.AssertAsync(full, HttpStatusCode.Forbidden, "quota");
        }

        var progress = await world.ExpectAsync(HttpMethod.Get, $"/api/learners/{learnerId}/courses/{courseId}/progress", learner, null, HttpStatusCode.OK);
        Assert.Equal(quota, progress.GetProperty("statementCount").GetInt32());
    }

    [Fact]
    public async Task Live_connections_are_limited_per_caller_and_in_total_with_429()
    {
        var (_, owner) = await world.TrainerAsync();
        var courseId = await world.CourseAsync(owner);
        var learners = new List<Credential>();
        for (var i = 0; i < 3; i++)
        {
            learners.Add((await world.LearnerAsync(null, courseId)).Token);
        }

        var thread = await world.ExpectAsync(HttpMethod.Post, $"/api/courses/{courseId}/forum/threads", learners[0], new { title = "Live", body = "Who is watching?" }, HttpStatusCode.Created);
        var threadId = thread.GetProperty("id").GetString();
        await world.ExpectAsync(HttpMethod.Post, $"/api/courses/{courseId}/forum/threads/{threadId}/posts", owner, new { body = "Everyone." }, HttpStatusCode.Created);

        // Resuming after the opening post replays the reply at once, so each stream's headers arrive.
        var events = $"/api/courses/{courseId}/forum/threads/{threadId}/events?lastEventId={thread.GetProperty("openingPostId").GetString()}";

        var open = new List<HttpResponseMessage>();
        try
        {
            async Task<HttpResponseMessage> WatchAsync(Credential who)
            {
                using var request = fixture.Request(HttpMethod.Get, events, who);
                return await fixture.Limited.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            }

            for (var i = 0; i < SecurityFixture.LimitedLivePerCaller; i++)
            {
                open.Add(await WatchAsync(learners[0]));
                Assert.Equal(HttpStatusCode.OK, open[^1].StatusCode);
            }

            using (var perCaller = await WatchAsync(learners[0]))
            {
                await Problem.AssertAsync(perCaller, HttpStatusCode.TooManyRequests, "live");
                Assert.NotNull(perCaller.Headers.RetryAfter);
            }

            open.Add(await WatchAsync(learners[1]));
            Assert.Equal(HttpStatusCode.OK, open[^1].StatusCode);
            using (var total = await WatchAsync(learners[2]))
            {
                await Problem.AssertAsync(total, HttpStatusCode.TooManyRequests, "live");
            }

            // A closed stream gives its place back. Cancelling a read closes the connection at once
            // (disposing an unread response would first try to drain it).
            await CloseAsync(open[0]);
            open.RemoveAt(0);
            HttpResponseMessage? again = null;
            var released = System.Diagnostics.Stopwatch.StartNew();
            for (var attempt = 0; attempt < 120 && again?.StatusCode != HttpStatusCode.OK; attempt++)
            {
                again?.Dispose();
                await Task.Delay(250);
                again = await WatchAsync(learners[2]);
            }

            open.Add(again!);
            Assert.True(again!.StatusCode == HttpStatusCode.OK, $"the closed stream's place was not given back within {released.Elapsed}:\n{fixture.Limited.Process.LogTail()}");
        }
        finally
        {
            foreach (var response in open)
            {
                await CloseAsync(response);
            }
        }
    }

    private static async Task CloseAsync(HttpResponseMessage response)
    {
        var stream = await response.Content.ReadAsStreamAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var buffer = new byte[4096];
        try
        {
            while (await stream.ReadAsync(buffer, cancel.Token) > 0)
            {
            }
        }
        catch (OperationCanceledException)
        {
        }

        response.Dispose();
    }

    [Theory]
    [InlineData("mk_0123456789abcdef_x")]
    [InlineData("mk_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA!")]
    [InlineData("mk_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task A_malformed_api_key_is_refused_without_a_grain_call(string key)
    {
        await world.ExpectAsync(HttpMethod.Get, "/api/courses", Credential.Key(key), null, HttpStatusCode.Unauthorized);
        using (var basic = fixture.Request(HttpMethod.Get, "/xapi/statements", Credential.Basic(key[3..19], key)))
        {
            basic.Headers.Add("X-Experience-API-Version", "1.0.3");
            using var response = await fixture.Main.Http.SendAsync(basic);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        var grains = DispatchProxy.Create<IGrainFactory, RecordingGrainFactory>();
        var validator = new ApiKeyValidator(grains, Options.Create(new ApiKeyOptions()), TimeProvider.System);
        Assert.Null(await validator.ValidateAsync(key));
        Assert.Empty(((RecordingGrainFactory)(object)grains).Calls);
    }

    /// <summary>An <see cref="IGrainFactory"/> that records every call and answers none.</summary>
    public class RecordingGrainFactory : DispatchProxy
    {
        public List<string> Calls { get; } = [];

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            Calls.Add(targetMethod?.Name ?? "?");
            throw new InvalidOperationException($"A malformed key reached the grains ({targetMethod?.Name}).");
        }
    }
}
