using AdaptiveMooc.Grains.Abstractions.Security;
using AdaptiveMooc.Grains.Security;

namespace AdaptiveMooc.Grains.Tests.Security;

public sealed class MemoryAuditStoreTests
{
    [Fact]
    public async Task Lists_newest_first_and_continues_before_a_sequence()
    {
        var store = new MemoryAuditStore();
        var at = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
        for (var i = 1; i <= 5; i++)
        {
            await store.AppendAsync(new AuditEntry(at.AddMinutes(i), "Admin", "admin", "apiKey.create", $"apiKey:{i}", null), default);
        }

        var first = await store.ListAsync(2, null, default);
        Assert.Equal([5L, 4L], first.Select(r => r.Sequence));
        var rest = await store.ListAsync(10, first[^1].Sequence, default);
        Assert.Equal([3L, 2L, 1L], rest.Select(r => r.Sequence));
        Assert.Equal("apiKey:3", rest[0].Entry.Target);
    }

    [Fact]
    public async Task Search_filters_by_actor_action_prefix_target_and_time_and_pages_within_the_filter()
    {
        var store = new MemoryAuditStore();
        var at = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
        for (var i = 1; i <= 6; i++)
        {
            var actor = i % 2 == 0 ? "grace" : "admin";
            var action = i <= 3 ? "course.publish" : "apiKey.create";
            await store.AppendAsync(new AuditEntry(at.AddMinutes(i), "Admin", actor, action, $"t:{i}", null), default);
        }

        Assert.Equal([6L, 4L, 2L], (await store.SearchAsync(new AuditFilter(ActorId: "grace"), 10, null, default)).Select(r => r.Sequence));
        Assert.Equal([3L, 2L, 1L], (await store.SearchAsync(new AuditFilter(Action: "course."), 10, null, default)).Select(r => r.Sequence));
        Assert.Empty(await store.SearchAsync(new AuditFilter(Action: "course"), 10, null, default));
        Assert.Equal([5L], (await store.SearchAsync(new AuditFilter(Target: "t:5"), 10, null, default)).Select(r => r.Sequence));
        Assert.Equal([4L, 3L], (await store.SearchAsync(new AuditFilter(From: at.AddMinutes(3), To: at.AddMinutes(5)), 10, null, default)).Select(r => r.Sequence));

        var first = await store.SearchAsync(new AuditFilter(ActorId: "admin"), 2, null, default);
        Assert.Equal([5L, 3L], first.Select(r => r.Sequence));
        Assert.Equal([1L], (await store.SearchAsync(new AuditFilter(ActorId: "admin"), 2, first[^1].Sequence, default)).Select(r => r.Sequence));
    }
}
