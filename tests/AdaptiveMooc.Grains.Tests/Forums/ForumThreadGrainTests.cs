using AdaptiveMooc.Grains.Abstractions.Forums;

namespace AdaptiveMooc.Grains.Tests.Forums;

[Collection(SocialClusterCollection.Name)]
public sealed class ForumThreadGrainTests(SocialClusterFixture fixture)
{
    private static string NewCourse() => "c-" + Guid.NewGuid().ToString("N")[..12];

    private async Task<IForumThreadGrain> StartAsync(string courseId, string title, string body, string[] tags, string author = "ann")
    {
        var threadId = Guid.NewGuid();
        var grain = fixture.Grains.GetGrain<IForumThreadGrain>(ForumKeys.Thread(courseId, threadId));
        var started = await grain.StartAsync(new StartThreadCommand(author, title, body, tags, Guid.NewGuid(), ForumRoles.Learner));
        Assert.Equal(ForumOutcome.Ok, started.Outcome);
        return grain;
    }

    private static Task<ForumResult<ForumPostView>> ReplyAsync(IForumThreadGrain grain, string author, string body, Guid? replyTo = null, string role = ForumRoles.Learner) =>
        grain.AddPostAsync(new AddPostCommand(Guid.NewGuid(), author, body, replyTo, role));

    [Fact]
    public async Task Posts_are_numbered_in_order_and_paged()
    {
        var grain = await StartAsync(NewCourse(), "NPV question", "How do I discount?", ["npv"]);
        for (var i = 0; i < 7; i++)
        {
            Assert.True((await ReplyAsync(grain, $"l{i}", $"answer {i}")).IsOk);
        }

        var seen = new List<ForumPostView>();
        long after = 0;
        while (true)
        {
            var page = await grain.GetPostsAsync(after, 3, includeHidden: false);
            seen.AddRange(page.Items);
            if (page.NextAfter is not { } next)
            {
                break;
            }

            after = next;
        }

        Assert.Equal(Enumerable.Range(1, 8).Select(i => (long)i), seen.Select(p => p.Sequence));
        Assert.Equal("How do I discount?", seen[0].Body);
        Assert.Equal(7, (await grain.GetAsync())!.ReplyCount);
    }

    [Fact]
    public async Task A_second_start_and_posts_to_unknown_threads_are_refused()
    {
        var courseId = NewCourse();
        var grain = await StartAsync(courseId, "t", "b", []);
        var again = await grain.StartAsync(new StartThreadCommand("bob", "x", "y", [], Guid.NewGuid(), ForumRoles.Learner));
        Assert.Equal(ForumOutcome.AlreadyExists, again.Outcome);

        var unknown = fixture.Grains.GetGrain<IForumThreadGrain>(ForumKeys.Thread(courseId, Guid.NewGuid()));
        Assert.Equal(ForumOutcome.NotFound, (await ReplyAsync(unknown, "bob", "hello")).Outcome);
        Assert.Null(await unknown.GetAsync());
    }

    [Fact]
    public async Task A_locked_thread_takes_no_posts_until_unlocked()
    {
        var grain = await StartAsync(NewCourse(), "t", "b", []);
        Assert.True((await grain.ModerateAsync(ModerationAction.Lock)).Value!.Locked);
        Assert.Equal(ForumOutcome.Locked, (await ReplyAsync(grain, "bob", "late")).Outcome);
        Assert.Equal(0, (await grain.GetAsync())!.ReplyCount);

        await grain.ModerateAsync(ModerationAction.Unlock);
        Assert.True((await ReplyAsync(grain, "bob", "now")).IsOk);
    }

    [Fact]
    public async Task Reply_to_must_be_a_post_of_the_thread()
    {
        var grain = await StartAsync(NewCourse(), "t", "b", []);
        var first = (await ReplyAsync(grain, "bob", "one")).Value!;
        Assert.True((await ReplyAsync(grain, "cat", "two", first.PostId)).IsOk);
        Assert.Equal(ForumOutcome.ReplyToNotFound, (await ReplyAsync(grain, "cat", "three", Guid.NewGuid())).Outcome);
    }

    [Fact]
    public async Task One_vote_per_person_per_post()
    {
        var grain = await StartAsync(NewCourse(), "t", "b", []);
        var post = (await ReplyAsync(grain, "bob", "good answer")).Value!;
        Assert.Equal(1, (await grain.VoteAsync(post.PostId, "ann", 1)).Value!.Score);
        Assert.Equal(ForumOutcome.AlreadyVoted, (await grain.VoteAsync(post.PostId, "ann", 1)).Outcome);
        Assert.Equal(2, (await grain.VoteAsync(post.PostId, "cat", 1)).Value!.Score);
        Assert.Equal(ForumOutcome.PostNotFound, (await grain.VoteAsync(Guid.NewGuid(), "cat", 1)).Outcome);
    }

    [Fact]
    public async Task Only_the_author_or_a_moderator_accepts_an_answer()
    {
        var grain = await StartAsync(NewCourse(), "t", "b", [], author: "ann");
        var answer = (await ReplyAsync(grain, "bob", "answer")).Value!;
        var opening = (await grain.GetAsync())!.OpeningPostId;

        Assert.Equal(ForumOutcome.NotAllowed, (await grain.AcceptAsync(answer.PostId, "bob", ForumRoles.Learner, callerIsModerator: false)).Outcome);

        // A trainer account with the author's id is another account.
        Assert.Equal(ForumOutcome.NotAllowed, (await grain.AcceptAsync(answer.PostId, "ann", ForumRoles.Trainer, callerIsModerator: false)).Outcome);
        Assert.Equal(ForumOutcome.PostNotFound, (await grain.AcceptAsync(opening, "ann", ForumRoles.Learner, callerIsModerator: false)).Outcome);
        Assert.Equal(answer.PostId, (await grain.AcceptAsync(answer.PostId, "ann", ForumRoles.Learner, callerIsModerator: false)).Value!.AcceptedPostId);
        Assert.True((await grain.AcceptAsync(answer.PostId, "trainer-1", ForumRoles.Trainer, callerIsModerator: true)).IsOk);
    }

    [Fact]
    public async Task Reports_queue_until_a_moderator_hides_the_post()
    {
        var courseId = NewCourse();
        var grain = await StartAsync(courseId, "t", "b", []);
        var post = (await ReplyAsync(grain, "bob", "spam spam")).Value!;
        Assert.True((await grain.ReportAsync(post.PostId, "ann", "spam")).IsOk);
        Assert.Equal(ForumOutcome.AlreadyReported, (await grain.ReportAsync(post.PostId, "ann", "spam again")).Outcome);
        Assert.True((await grain.ReportAsync(post.PostId, "cat", "spam")).IsOk);

        var forum = fixture.Grains.GetGrain<IForumGrain>(courseId);
        var queue = await forum.ListReportsAsync(includeResolved: false, after: null, limit: 1);
        Assert.Single(queue.Items);
        Assert.NotNull(queue.Next);
        var rest = await forum.ListReportsAsync(false, queue.Next, 10);
        Assert.Single(rest.Items);
        Assert.Null(rest.Next);
        Assert.NotEqual(queue.Items[0].ReportId, rest.Items[0].ReportId);

        Assert.True((await grain.ModeratePostAsync(post.PostId, hidden: true)).Value!.Hidden);
        Assert.Empty((await forum.ListReportsAsync(false, null, 10)).Items);
        Assert.Equal(2, (await forum.ListReportsAsync(true, null, 10)).Items.Count);
        var visible = await grain.GetPostsAsync(0, 50, includeHidden: false);
        Assert.DoesNotContain(visible.Items, p => p.PostId == post.PostId);
        Assert.Contains((await grain.GetPostsAsync(0, 50, includeHidden: true)).Items, p => p.PostId == post.PostId);
    }

    [Fact]
    public async Task Learner_posts_become_commented_statements()
    {
        var courseId = NewCourse();
        var grain = await StartAsync(courseId, "Question", "b", [], author: "ann");
        var reply = (await ReplyAsync(grain, "bob", "learner reply")).Value!;
        var trainerReply = (await ReplyAsync(grain, "t1", "trainer reply", role: ForumRoles.Trainer)).Value!;

        var mine = fixture.Statements.Emitted.Where(s => s.CourseId == courseId).ToList();
        Assert.Equal(2, mine.Count);
        var statement = Assert.Single(mine, s => s.Id == reply.PostId);
        Assert.Equal("bob", statement.LearnerId);
        Assert.Equal("http://adlnet.gov/expapi/verbs/commented", statement.Verb);
        Assert.Equal($"courses/{courseId}/forum/posts/{reply.PostId:D}", statement.ActivityPath);
        Assert.DoesNotContain(mine, s => s.Id == trainerReply.PostId);
    }

    [Fact]
    public async Task A_retried_post_with_the_same_id_is_stored_once()
    {
        var grain = await StartAsync(NewCourse(), "t", "b", []);
        var command = new AddPostCommand(Guid.NewGuid(), "bob", "once", null, ForumRoles.Learner);
        var first = await grain.AddPostAsync(command);
        var second = await grain.AddPostAsync(command);
        Assert.Equal(first.Value!.Sequence, second.Value!.Sequence);
        Assert.Equal(1, (await grain.GetAsync())!.ReplyCount);
    }

    [Fact]
    public async Task Watchers_receive_new_posts()
    {
        var grain = await StartAsync(NewCourse(), "t", "b", []);
        var watcher = new ChannelObserver();
        var reference = fixture.Grains.CreateObjectReference<IForumThreadObserver>(watcher);
        await grain.SubscribeAsync(reference);

        var posted = (await ReplyAsync(grain, "bob", "live")).Value!;
        var received = await watcher.Posts.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(posted.PostId, received.PostId);
        await grain.UnsubscribeAsync(reference);
        fixture.Grains.DeleteObjectReference<IForumThreadObserver>(reference);
    }

    private sealed class ChannelObserver : IForumThreadObserver
    {
        public System.Threading.Channels.Channel<ForumPostView> Posts { get; } =
            System.Threading.Channels.Channel.CreateUnbounded<ForumPostView>();

        public Task OnPostAsync(ForumPostView post) => Posts.Writer.WriteAsync(post).AsTask();
    }
}
