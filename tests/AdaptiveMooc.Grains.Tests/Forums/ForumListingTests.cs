using AdaptiveMooc.Grains.Abstractions.Forums;

namespace AdaptiveMooc.Grains.Tests.Forums;

/// <summary>The thread listing through the cluster (in-memory read model); <see cref="PostgresForumStoreTests"/> runs the same on PostgreSQL.</summary>
[Collection(SocialClusterCollection.Name)]
public sealed class ForumListingTests(SocialClusterFixture fixture)
{
    [Fact]
    public async Task Listing_pages_filters_and_searches()
    {
        var courseId = "c-" + Guid.NewGuid().ToString("N")[..12];
        var ids = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            var threadId = Guid.NewGuid();
            ids.Add(threadId);
            var grain = fixture.Grains.GetGrain<IForumThreadGrain>(ForumKeys.Thread(courseId, threadId));
            var title = i == 3 ? "Discount rates and NPV" : $"Thread {i}";
            string[] tags = i % 2 == 0 ? ["npv"] : ["irr"];
            await grain.StartAsync(new StartThreadCommand("ann", title, $"body {i}", tags, Guid.NewGuid(), ForumRoles.Learner));
            if (i < 2)
            {
                await grain.AddPostAsync(new AddPostCommand(Guid.NewGuid(), "bob", "reply", null, ForumRoles.Learner));
            }
        }

        var pinned = ids[1];
        await fixture.Grains.GetGrain<IForumThreadGrain>(ForumKeys.Thread(courseId, pinned)).ModerateAsync(ModerationAction.Pin);
        await fixture.Grains.GetGrain<IForumThreadGrain>(ForumKeys.Thread(courseId, ids[6])).ModerateAsync(ModerationAction.Hide);

        var forum = fixture.Grains.GetGrain<IForumGrain>(courseId);
        var all = await ForumStoreScenarios.ReadAllAsync(forum.ListThreadsAsync, new ForumThreadQuery(null, null, false, false, null, 2));
        Assert.Equal(6, all.Count);
        Assert.Equal(all.Count, all.Select(t => t.ThreadId).Distinct().Count());
        Assert.Equal(pinned, all[0].ThreadId);
        Assert.DoesNotContain(all, t => t.ThreadId == ids[6]);
        Assert.Equal(7, (await forum.ListThreadsAsync(new ForumThreadQuery(null, null, false, true, null, 50))).Items.Count);

        var npv = await forum.ListThreadsAsync(new ForumThreadQuery(null, "npv", false, false, null, 50));
        Assert.Equal(3, npv.Items.Count);
        Assert.All(npv.Items, t => Assert.Contains("npv", t.Tags));

        var unanswered = await forum.ListThreadsAsync(new ForumThreadQuery(null, null, true, false, null, 50));
        Assert.Equal(4, unanswered.Items.Count);
        Assert.All(unanswered.Items, t => Assert.Equal(0, t.ReplyCount));

        var found = await forum.ListThreadsAsync(new ForumThreadQuery("discount", null, false, false, null, 50));
        Assert.Equal(ids[3], Assert.Single(found.Items).ThreadId);
        Assert.Empty((await forum.ListThreadsAsync(new ForumThreadQuery("nothing-like-this", null, false, false, null, 50))).Items);
    }
}
