using AdaptiveMooc.Grains.Abstractions.Security;

namespace AdaptiveMooc.Grains.Tests.Security;

[Collection(SecurityClusterCollection.Name)]
public sealed class AuditGrainTests(SecurityClusterFixture fixture)
{
    [Fact]
    public async Task Pages_through_recorded_entries_newest_first()
    {
        var audit = fixture.Client.GetGrain<IAuditGrain>(0);
        var marker = Guid.NewGuid().ToString("N");
        for (var i = 0; i < 3; i++)
        {
            await audit.Record(new AuditEntry(fixture.Clock.GetUtcNow(), "Trainer", "grace", "course.publish", $"course:{marker}-{i}", null));
        }

        var first = await audit.List(2, null);
        Assert.Equal([$"course:{marker}-2", $"course:{marker}-1"], first.Items.Select(r => r.Entry.Target));
        Assert.NotNull(first.NextBeforeSequence);
        var second = await audit.List(1, first.NextBeforeSequence);
        Assert.Equal($"course:{marker}-0", Assert.Single(second.Items).Entry.Target);
    }
}
