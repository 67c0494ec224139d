using AdaptiveMooc.Grains.Abstractions.Security;

namespace AdaptiveMooc.Grains.Tests.Security;

[Collection(SecurityClusterCollection.Name)]
public sealed class TrainerGrainTests(SecurityClusterFixture fixture)
{
    [Fact]
    public async Task A_trainer_is_created_once_and_keeps_its_hash()
    {
        var id = "t-" + Guid.NewGuid().ToString("N")[..12];
        var trainer = fixture.Client.GetGrain<ITrainerGrain>(id);
        Assert.Null(await trainer.GetProfile());

        Assert.True(await trainer.Create(new NewTrainer("Grace", "grace@example.org", "hash-1", fixture.Clock.GetUtcNow())));
        Assert.False(await trainer.Create(new NewTrainer("Other", "other@example.org", "hash-2", fixture.Clock.GetUtcNow())));

        var profile = await trainer.GetProfile();
        Assert.Equal(("Grace", "grace@example.org"), (profile!.Name, profile.Email));
        Assert.Equal("hash-1", await trainer.GetPasswordHash());
    }
}

[Collection(SecurityClusterCollection.Name)]
public sealed class TrainerDirectoryGrainTests(SecurityClusterFixture fixture)
{
    [Fact]
    public async Task Trainers_are_listed_in_id_order_page_by_page_without_duplicates()
    {
        var directory = fixture.Client.GetGrain<ITrainerDirectoryGrain>("test-" + Guid.NewGuid().ToString("N"));
        var at = fixture.Clock.GetUtcNow();
        foreach (var id in new[] { "t-c", "t-a", "t-e", "t-b", "t-d" })
        {
            Assert.True(await directory.Add(new TrainerProfile(id, "Name " + id, id + "@example.org", at)));
        }

        // Adding again (a retried create) neither duplicates nor reorders; a changed name is refreshed.
        Assert.True(await directory.Add(new TrainerProfile("t-b", "Renamed", "t-b@example.org", at)));

        var first = await directory.List(2, null);
        Assert.Equal(["t-a", "t-b"], first.Items.Select(t => t.Id));
        Assert.Equal("Renamed", first.Items[1].Name);
        var second = await directory.List(2, first.NextAfterId);
        Assert.Equal(["t-c", "t-d"], second.Items.Select(t => t.Id));
        var last = await directory.List(2, second.NextAfterId);
        Assert.Equal(["t-e"], last.Items.Select(t => t.Id));
        Assert.Null(last.NextAfterId);

        await directory.Remove("t-c");
        Assert.Equal(["t-a", "t-b", "t-d", "t-e"], (await directory.List(10, null)).Items.Select(t => t.Id));

        // A cursor whose trainer was removed in between still resumes at the next id.
        Assert.Equal(["t-d", "t-e"], (await directory.List(10, "t-c")).Items.Select(t => t.Id));
    }
}
