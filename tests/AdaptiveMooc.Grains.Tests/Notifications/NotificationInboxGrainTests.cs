using AdaptiveMooc.Grains.Abstractions.Notifications;

namespace AdaptiveMooc.Grains.Tests.Notifications;

[Collection(ClusterCollection.Name)]
public sealed class NotificationInboxGrainTests(ClusterFixture fixture)
{
    private static readonly DateTimeOffset Now = new(2026, 5, 18, 18, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_event_id_is_added_once_and_pages_go_newest_first()
    {
        var inbox = fixture.Client.GetGrain<INotificationInboxGrain>(TestData.NewId("learner"));

        Assert.True(await inbox.Add(Notification("a")));
        Assert.False(await inbox.Add(Notification("a")));
        Assert.True(await inbox.Add(Notification("b")));
        Assert.True(await inbox.Add(Notification("c")));

        var first = await inbox.List(2, null);
        Assert.Equal(["c", "b"], first.Select(n => n.Id));
        Assert.Equal(["a"], (await inbox.List(2, first[^1].Sequence)).Select(n => n.Id));
    }

    [Fact]
    public async Task The_inbox_keeps_only_the_latest_notifications()
    {
        var inbox = fixture.Client.GetGrain<INotificationInboxGrain>(TestData.NewId("learner"));
        for (var i = 0; i < INotificationInboxGrain.Capacity + 5; i++)
        {
            await inbox.Add(Notification($"n{i}"));
        }

        var all = await inbox.List(INotificationInboxGrain.Capacity, null);
        Assert.Equal(INotificationInboxGrain.Capacity, all.Count);
        Assert.Equal($"n{INotificationInboxGrain.Capacity + 4}", all[0].Id);
        Assert.Equal("n5", all[^1].Id);
    }

    private static LearnerNotification Notification(string id) => new(id, "session-reminder", "c1", "Soon", Now, Now.AddMinutes(30));
}
