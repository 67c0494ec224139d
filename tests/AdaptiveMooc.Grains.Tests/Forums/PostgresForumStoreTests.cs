using AdaptiveMooc.Grains.Abstractions.Forums;
using AdaptiveMooc.Grains.Forums;

namespace AdaptiveMooc.Grains.Tests.Forums;

public sealed class PostgresForumStoreTests(SocialTestDatabase database) : IClassFixture<SocialTestDatabase>
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static ForumThreadView Thread(string courseId, int i, string title, string[] tags, int replies = 0, bool pinned = false, bool hidden = false) =>
        new(courseId, Guid.NewGuid(), title, $"Opening post number {i}", tags, "ann", T0.AddMinutes(i), T0.AddMinutes(i),
            Guid.NewGuid(), replies, null, pinned, false, hidden);

    [Fact]
    public async Task Listing_pages_with_keyset_cursors_pinned_first()
    {
        var store = new PostgresForumStore(database.DataSource);
        var courseId = "c-" + Guid.NewGuid().ToString("N")[..12];
        var threads = Enumerable.Range(0, 11).Select(i => Thread(courseId, i, $"Thread {i}", ["general"], pinned: i == 2)).ToList();
        foreach (var t in threads)
        {
            await store.SaveThreadAsync(t);
        }

        await store.SaveThreadAsync(Thread("other-course", 99, "Elsewhere", ["general"]));

        var all = await ForumStoreScenarios.ReadAllAsync(q => store.QueryThreadsAsync(courseId, q), new ForumThreadQuery(null, null, false, false, null, 4));
        Assert.Equal(11, all.Count);
        Assert.Equal(threads[2].ThreadId, all[0].ThreadId);
        var rest = threads.Where(t => !t.Pinned).OrderByDescending(t => t.CreatedAt).Select(t => t.ThreadId);
        Assert.Equal(rest, all.Skip(1).Select(t => t.ThreadId));
    }

    [Fact]
    public async Task Full_text_search_tags_unanswered_and_hidden()
    {
        var store = new PostgresForumStore(database.DataSource);
        var courseId = "c-" + Guid.NewGuid().ToString("N")[..12];
        var discounting = Thread(courseId, 1, "Discounting cash flows", ["npv"]);
        var irr = Thread(courseId, 2, "Internal rate of return", ["irr"], replies: 3);
        var hidden = Thread(courseId, 3, "Discount codes for sale", ["spam"], hidden: true);
        foreach (var t in new[] { discounting, irr, hidden })
        {
            await store.SaveThreadAsync(t);
        }

        // English stemming: "discount" finds "Discounting"; hidden threads only for moderators.
        var found = await store.QueryThreadsAsync(courseId, new ForumThreadQuery("discount", null, false, false, null, 50));
        Assert.Equal(discounting.ThreadId, Assert.Single(found.Items).ThreadId);
        Assert.Equal(2, (await store.QueryThreadsAsync(courseId, new ForumThreadQuery("discount", null, false, true, null, 50))).Items.Count);
        Assert.Equal(irr.ThreadId, Assert.Single((await store.QueryThreadsAsync(courseId, new ForumThreadQuery("rate return", null, false, false, null, 50))).Items).ThreadId);
        Assert.Equal(irr.ThreadId, Assert.Single((await store.QueryThreadsAsync(courseId, new ForumThreadQuery(null, "irr", false, false, null, 50))).Items).ThreadId);
        Assert.Equal(discounting.ThreadId, Assert.Single((await store.QueryThreadsAsync(courseId, new ForumThreadQuery(null, null, true, false, null, 50))).Items).ThreadId);
    }

    [Fact]
    public async Task Posts_votes_and_reports_are_kept_once()
    {
        var store = new PostgresForumStore(database.DataSource);
        var thread = Thread("c-" + Guid.NewGuid().ToString("N")[..12], 1, "t", []);
        await store.SaveThreadAsync(thread);
        var posts = Enumerable.Range(1, 5)
            .Select(i => new ForumPostView(thread.CourseId, thread.ThreadId, Guid.NewGuid(), i, "bob", $"post {i}", null, T0.AddMinutes(i), 0, false, ForumRoles.Learner))
            .ToList();
        foreach (var p in posts)
        {
            await store.AppendPostAsync(p);
        }

        await store.AppendPostAsync(posts[0]);
        Assert.Equal(5, await store.MaxSequenceAsync(thread.ThreadId));
        Assert.Equal([3L, 4L], (await store.ReadPostsAsync(thread.ThreadId, 2, 2, false)).Select(p => p.Sequence));

        Assert.Equal(1, (await store.AddVoteAsync(thread.ThreadId, posts[1].PostId, "ann", 1, T0))!.Score);
        Assert.Null(await store.AddVoteAsync(thread.ThreadId, posts[1].PostId, "ann", 1, T0));
        Assert.Equal(0, (await store.AddVoteAsync(thread.ThreadId, posts[1].PostId, "cat", -1, T0))!.Score);
        Assert.Null(await store.AddVoteAsync(Guid.NewGuid(), posts[1].PostId, "dan", 1, T0));

        var report = new ForumReportView(Guid.NewGuid(), thread.CourseId, thread.ThreadId, posts[2].PostId, "ann", "rude", T0, false);
        Assert.True(await store.AddReportAsync(report));
        Assert.False(await store.AddReportAsync(report with { ReportId = Guid.NewGuid() }));
        Assert.Single((await store.ListReportsAsync(thread.CourseId, false, null, 10)).Items);
        Assert.True((await store.SetPostHiddenAsync(thread.ThreadId, posts[2].PostId, true))!.Hidden);
        Assert.Empty((await store.ListReportsAsync(thread.CourseId, false, null, 10)).Items);
        Assert.DoesNotContain(await store.ReadPostsAsync(thread.ThreadId, 0, 10, false), p => p.PostId == posts[2].PostId);
    }
}
