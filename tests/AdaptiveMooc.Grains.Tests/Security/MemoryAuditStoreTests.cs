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
}
